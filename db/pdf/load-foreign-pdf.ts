/**
 * Loads a PDF someone else made (an attachment: IRB approval, protocol pages, clinical notes) the
 * same way everywhere: leniently, since real-world PDFs are often slightly damaged, and
 * ignoreEncryption only so that the caller can detect encryption and say so (pdf-lib cannot decrypt).
 *
 * pdf-lib's lenient parser reports each damaged object it skips with console.warn ("Trying to parse
 * invalid object", "Invalid object ref"), which would put stray lines on the CLI's stderr and in the
 * app's log for a file that is then accepted or refused with a clear message anyway. Those two
 * messages, and only those, are dropped; the filter is installed once, so no await window swaps
 * console methods back and forth.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';

const PDF_LIB_PARSER_NOISE = /^(Trying to parse invalid object: |Invalid object ref: )/;
let filterInstalled = false;

function installParserNoiseFilter(): void {
  if (filterInstalled) return;
  filterInstalled = true;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]): void => {
    if (args.length === 1 && typeof args[0] === 'string' && PDF_LIB_PARSER_NOISE.test(args[0])) return;
    warn(...args);
  };
}

/** Loads a foreign PDF; throws what pdf-lib throws for bytes it cannot read at all. */
export function loadForeignPdf(bytes: Uint8Array): Promise<PDFDocument> {
  installParserNoiseFilter();
  return PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}
