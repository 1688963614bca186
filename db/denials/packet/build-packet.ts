/**
 * Builds an appeal packet PDF with the PDF toolkit (docs/pdf-toolkit.md): a cover with the claim, the
 * denial codes quoted with their meaning, the request and a contents page that doubles as the exhibit
 * index; the letter; the study facts the argument rests on; exhibits generated from the store
 * (coverage-analysis rows, the visit window, the enrolment, the remittance line); then the PDFs the
 * coordinator attached. Every page, attached ones included, carries "Page X of Y" [BRIEF 5].
 */
import { formatCents } from '../../../shared/domain/money.ts';
import { letterParagraphs } from '../../../shared/denials/letter.ts';
import type { PacketPreview } from '../../../shared/contract/denials.ts';
import { createPdfDocument, type FontFiles, type PdfDocumentBuilder } from '../../pdf/index.ts';
import { planExhibits } from './exhibits.ts';
import type { PacketFacts } from './packet-facts.ts';

export interface PacketInput {
  readonly facts: PacketFacts;
  readonly letterText: string;
  readonly attachments: readonly { readonly title: string; readonly bytes: Uint8Array }[];
  readonly now: () => Date;
  readonly fonts?: FontFiles;
}

export interface BuiltPacket {
  readonly bytes: Uint8Array;
  readonly preview: Omit<PacketPreview, 'fileName' | 'byteSize'>;
}

type Section = PacketPreview['sections'][number];

/** A file name without PHI: the payer's claim number (or the denial id) only. */
export function packetFileName(facts: PacketFacts): string {
  const claim = (facts.claimNumber ?? '').replace(/[^A-Za-z0-9-]/g, '').slice(0, 40);
  return `appeal-${claim === '' ? 'claim' : claim}-d${facts.denialId}.pdf`;
}

const exhibitLetter = (i: number): string => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');

function coverFacts(f: PacketFacts): { key: string; value: string }[] {
  return [
    { key: 'Claim number', value: f.claimNumber ?? '(not given on the remittance)' },
    { key: 'Patient account', value: f.patientAccount },
    ...f.patientLines.map((line) => {
      const at = line.indexOf(': ');
      return { key: line.slice(0, at), value: line.slice(at + 2) };
    }),
    { key: 'Date of service', value: f.serviceDate ?? '(see the claim)' },
    { key: 'Service (code, modifiers)', value: f.procedure },
    { key: 'Billed / paid', value: `${formatCents(f.billedCents)} / ${formatCents(f.paidCents)}` },
    { key: 'Amount in dispute', value: formatCents(f.deniedCents) },
    { key: 'Remittance', value: `trace ${f.remit.traceNumber}, ${f.remit.remitDate}` },
    { key: 'Appeal level', value: f.payer.appealLevel },
    ...(f.study ? [{ key: 'Clinical trial', value: [f.study.studyId, f.study.nctNumber, f.study.ideNumber ? `IDE ${f.study.ideNumber}` : null].filter((x) => x !== null).join(' · ') }] : []),
  ];
}

function cover(doc: PdfDocumentBuilder, f: PacketFacts, toc: { key: string; title: string }[]): void {
  doc.heading(`Appeal: ${f.payer.appealLevel}`, { level: 1 });
  doc.addressBlocks([
    { title: 'From (provider)', name: f.site.name, lines: [...(f.site.npi ? [`NPI ${f.site.npi}`] : []), ...f.site.addressLines] },
    { title: 'To (payer)', name: f.payer.name, lines: ['Appeals', ...f.payer.addressLines] },
  ]);
  doc.keyValues(coverFacts(f).map((kv) => ({ ...kv, strong: kv.key === 'Amount in dispute' })));
  doc.heading('Denial as remitted', { level: 3 }).table({
    columns: [{ title: 'Code', width: { pt: 60 } }, { title: 'Meaning' }, { title: 'Amount', width: { pt: 70 }, align: 'right', nowrap: true }],
    rows: [...f.denialCodes.map((c) => [c.code, c.meaning, formatCents(c.amountCents ?? 0)]), ...f.remarks.map((c) => [c.code, c.meaning, ''])],
  });
  doc.heading('Request', { level: 3 }).paragraph(`The provider asks ${f.payer.name} to reverse the denial of ${f.procedure}${f.serviceDate ? ` on ${f.serviceDate}` : ''} and pay the ${formatCents(f.deniedCents)} in dispute, for the reasons in the enclosed letter and exhibits.`);
  doc.heading('Contents and exhibit index').tableOfContents(toc);
}

/** Builds the packet. @throws PdfAttachmentError (a UserError) when an attachment is not a usable PDF. */
export async function buildAppealPacket(input: PacketInput): Promise<BuiltPacket> {
  const f = input.facts;
  const doc = await createPdfDocument({
    title: `Appeal, claim ${f.claimNumber ?? f.denialId}`,
    footerLabel: `Appeal · Claim ${f.claimNumber ?? `(denial ${f.denialId})`}`,
    subject: `Appeal packet: ${f.payer.appealLevel}`,
    now: input.now,
    ...(input.fonts ? { fonts: input.fonts } : {}),
  });
  const generated = planExhibits(f);
  const attachments = input.attachments.map((a, i) => ({ ...a, key: `att${i}`, letter: exhibitLetter(generated.length + i) }));
  const toc = [
    { key: 'letter', title: 'Appeal letter' },
    ...(f.study ? [{ key: 'facts', title: 'Study facts behind the argument' }] : []),
    ...generated.map((g, i) => ({ key: g.key, title: `Exhibit ${exhibitLetter(i)}: ${g.title}` })),
    ...attachments.map((a) => ({ key: a.key, title: `Exhibit ${a.letter}: ${a.title}` })),
  ];
  cover(doc, f, toc);
  const sections: Section[] = [{ title: 'Cover and exhibit index', firstPage: 1, pages: 0, kind: 'generated' }];
  const start = (title: string, kind: Section['kind']): void => {
    sections.push({ title, firstPage: doc.pageCount, pages: 0, kind });
  };

  doc.pageBreak().heading('Appeal letter', { tocKey: 'letter' });
  start('Appeal letter', 'generated');
  const paragraphs = letterParagraphs(input.letterText);
  for (const p of paragraphs) doc.paragraph(p);
  if (f.study) {
    doc.heading('Study facts behind the argument', { tocKey: 'facts' });
    start('Study facts behind the argument', 'generated');
    const s = f.study;
    doc.keyValues([
      { key: 'Study', value: `${s.studyId}: ${s.title}` },
      { key: 'Protocol / sponsor', value: `${s.protocolNumber} / ${s.sponsor}` },
      { key: 'ClinicalTrials.gov', value: s.nctNumber ?? '(none registered)' },
      ...(s.ideNumber ? [{ key: 'IDE number', value: s.ideNumber }] : []),
      { key: 'Qualifying trial', value: s.qualifying ? 'Yes, per the coverage analysis (NCD 310.1)' : 'No: conventional care only is billed to insurance' },
      { key: 'Designation of this service', value: s.designationLabel ?? 'No calendar row matched this service' },
      ...(s.justification ? [{ key: 'Coverage-analysis rationale', value: s.justification }] : []),
    ]);
  }
  generated.forEach((g, i) => {
    doc.pageBreak();
    g.draw(doc, `Exhibit ${exhibitLetter(i)}: ${g.title}`);
    sections.push({ title: `Exhibit ${exhibitLetter(i)}: ${g.title}`, firstPage: doc.pageCount, pages: 0, kind: 'generated' });
  });
  for (const a of attachments) {
    const before = doc.pageCount;
    await doc.attachPdf(a.bytes, { label: `Exhibit ${a.letter}`, tocKey: a.key });
    sections.push({ title: `Exhibit ${a.letter}: ${a.title}`, firstPage: before + 1, pages: doc.pageCount - before, kind: 'attached' });
  }
  const bytes = await doc.save();
  const pageCount = doc.pageCount;
  const withPages = sections.map((s, i) => {
    if (s.kind === 'attached') return s;
    const next = sections[i + 1]?.firstPage ?? pageCount + 1;
    return { ...s, pages: Math.max(1, next - s.firstPage) };
  });
  return { bytes, preview: { pageCount, sections: withPages, cover: coverFacts(f), letterParagraphs: paragraphs } };
}
