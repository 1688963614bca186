/**
 * The packet as built: its sections with the pages they start on (what the PDF's contents page says)
 * and the PDF itself in a frame from a blob: URL made here (the CSP allows frames from blob: only).
 */
import { useEffect, useMemo } from 'react';
import type { PacketPreview } from '../../../../shared/contract/denials.ts';
import { formatCount } from '../../../../shared/domain/format.ts';

function blobUrl(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** The sections and pages of a built packet, and the PDF. */
export function PacketPreviewView({ preview }: { readonly preview: PacketPreview }) {
  const url = useMemo(() => (preview.base64 === undefined ? null : blobUrl(preview.base64)), [preview]);
  useEffect(() => () => (url === null ? undefined : URL.revokeObjectURL(url)), [url]);
  return (
    <section className="card den-preview" aria-labelledby="den-preview-title" data-testid="packet-preview">
      <div className="card-body">
        <h3 id="den-preview-title" className="section-title">
          Packet preview: {formatCount(preview.pageCount)} pages
        </h3>
        <table className="data-table">
          <caption className="visually-hidden">Sections of the packet and their pages</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col" className="numeric">
                Starts on page
              </th>
              <th scope="col" className="numeric">
                Pages
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.sections.map((s) => (
              <tr key={s.title}>
                <th scope="row">
                  {s.title}
                  {s.kind === 'attached' && <span className="den-tag">attached</span>}
                </th>
                <td className="numeric">{s.firstPage}</td>
                <td className="numeric">{s.pages}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {url !== null && <iframe className="den-pdf" title={`Appeal packet ${preview.fileName}`} src={url} />}
      </div>
    </section>
  );
}
