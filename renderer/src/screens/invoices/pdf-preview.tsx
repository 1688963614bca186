/**
 * An embedded preview of a generated PDF: the backend writes it to its outbox, the renderer reads
 * its bytes back through the contract and shows them from a blob: URL in a frame (the CSP allows
 * frames from blob: only). Nothing is fetched from a path, and the URL is revoked when done.
 */
import { useEffect, useState } from 'react';
import type { OutputFile } from '../../../../shared/invoicing/types.ts';
import { useApi } from '../../api-context.tsx';

export interface PdfPreviewProps {
  /** Renders the document into the outbox; called once per mount (and per `version`). */
  readonly render: () => Promise<OutputFile>;
  readonly title: string;
  /** Change it to render again (after the document changed). */
  readonly version?: number;
}

function toBlobUrl(base64: string, mediaType: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mediaType }));
}

export function PdfPreview({ render, title, version = 0 }: PdfPreviewProps) {
  const api = useApi();
  const [url, setUrl] = useState<string | null>(null);
  const [file, setFile] = useState<OutputFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    let made: string | null = null;
    render()
      .then(async (out) => {
        const data = await api.invoicesReadOutput({ fileName: out.fileName });
        if (!current) return;
        made = toBlobUrl(data.base64, data.mediaType);
        setFile(out);
        setUrl(made);
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : 'The preview could not be made.'));
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, render, version]);
  return (
    <figure className="inv-preview-figure">
      <figcaption className="toolbar">
        <strong>{title}</strong>
        {file && (
          <button type="button" className="button button-small" onClick={() => api.saveOutput({ fileName: file.fileName }).catch((e: unknown) => setError(e instanceof Error ? e.message : 'The file could not be saved.'))}>
            Save {file.fileName}
          </button>
        )}
      </figcaption>
      {error && <p className="note note-error">{error}</p>}
      {!error && url === null && <p role="status">Preparing the PDF…</p>}
      {url && <iframe className="inv-pdf" title={title} src={url} data-testid="pdf-preview" />}
    </figure>
  );
}
