/** The PDFs attached to an appeal as exhibits (IRB approval, protocol pages, clinical notes). */
import { useState } from 'react';
import type { AppealDraft } from '../../../../shared/contract/denials.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import { useApi } from '../../api-context.tsx';
import { useAction } from './use-action.ts';

export interface AttachmentListProps {
  readonly denialId: number;
  readonly draft: AppealDraft;
  readonly onChange: (next: AppealDraft) => void;
}

/** The attachments of the appeal being prepared, with add (through the file dialog) and remove. */
export function AttachmentList({ denialId, draft, onChange }: AttachmentListProps) {
  const api = useApi();
  const [title, setTitle] = useState('');
  const add = useAction(async () => {
    const files = await api.chooseFiles({ kind: 'pdf' });
    let next: AppealDraft | null = null;
    for (const [i, file] of files.entries()) {
      const named = title.trim() === '' ? {} : { title: files.length === 1 ? title.trim() : `${title.trim()} (${i + 1})` };
      next = await api.appealsAddAttachment({ denialId, fileId: file.fileId, ...named });
    }
    if (next !== null) {
      onChange(next);
      setTitle('');
    }
  });
  const remove = useAction(async (attachmentId: number) => onChange(await api.appealsRemoveAttachment({ denialId, attachmentId })));
  return (
    <section className="card" aria-labelledby="den-attach-title">
      <div className="card-body">
        <h3 id="den-attach-title" className="section-title">
          Attached exhibits
        </h3>
        <p className="muted">PDFs follow the generated exhibits, in this order, with page numbers stamped on them. Password-protected PDFs cannot be merged.</p>
        {draft.attachments.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ol className="den-list">
            {draft.attachments.map((a) => (
              <li key={a.id}>
                {a.title} ({formatCount(a.pageCount)} page{a.pageCount === 1 ? '' : 's'}){' '}
                <button type="button" className="button button-small" onClick={() => void remove.run(a.id)} aria-label={`Remove ${a.title}`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
        )}
        <label className="field-label" htmlFor="den-attach-title-input">
          Exhibit title (optional; the file name otherwise, and it is printed in the exhibit index)
        </label>
        <input id="den-attach-title-input" className="input den-wide den-attach-input" value={title} maxLength={200} placeholder="e.g. IRB approval letter" onChange={(e) => setTitle(e.target.value)} />
        <button type="button" className="button" disabled={add.busy} onClick={() => void add.run()}>
          {add.busy ? 'Attaching…' : 'Add PDF attachments…'}
        </button>
        {(add.error ?? remove.error) && (
          <p className="note note-error" role="alert">
            {add.error ?? remove.error}
          </p>
        )}
      </div>
    </section>
  );
}
