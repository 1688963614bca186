/**
 * The appeal editor: the letter (the template of the denial's category until edited), the PDFs to
 * attach as exhibits (chosen through the shell, stored in the encrypted database), a preview of the
 * packet as built, and its export.
 */
import { useCallback, useState } from 'react';
import type { AppealDraft, PacketPreview } from '../../../../shared/contract/denials.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FocusHeading } from '../../components/focus-heading.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { AttachmentList } from './attachment-list.tsx';
import { PacketPreviewView } from './packet-preview.tsx';
import { useAction } from './use-action.ts';

export interface AppealEditorProps {
  readonly denialId: number;
  readonly onBack: () => void;
  readonly onSettled?: ((state: ScreenState) => void) | undefined;
}

/** The appeal of one denial: loads its draft, then the editor. */
export function AppealEditor({ denialId, onBack, onSettled }: AppealEditorProps) {
  const api = useApi();
  const load = useCallback(() => api.appealsGet({ denialId }), [api, denialId]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  if (state.status === 'loading') return <LoadingState label="Loading the appeal…" />;
  if (state.status === 'error') return <ErrorState title="The appeal could not be loaded." message={state.message} onRetry={reload} />;
  return <AppealForm denialId={denialId} initial={state.data} onBack={onBack} />;
}

function AppealForm({ denialId, initial, onBack }: { readonly denialId: number; readonly initial: AppealDraft; readonly onBack: () => void }) {
  const api = useApi();
  const [draft, setDraft] = useState<AppealDraft>(initial);
  const [text, setText] = useState(initial.letterText);
  const [preview, setPreview] = useState<PacketPreview | null>(null);
  const [exported, setExported] = useState<PacketPreview | null>(null);
  const dirty = text !== draft.letterText || !draft.saved;
  const adopt = (next: AppealDraft): void => {
    setDraft(next);
    setText(next.letterText);
    setPreview(null);
  };
  const save = useAction(async () => adopt(await api.appealsSaveLetter({ denialId, letterText: text })));
  // Leaving keeps the coordinator's edits: the letter is saved first (Reset to template discards them).
  const back = useAction(async () => {
    if (text !== draft.letterText) adopt(await api.appealsSaveLetter({ denialId, letterText: text }));
    onBack();
  });
  const reset = useAction(async () => adopt(await api.appealsResetLetter({ denialId })));
  const build = useAction(async () => {
    if (dirty) adopt(await api.appealsSaveLetter({ denialId, letterText: text }));
    setPreview(await api.appealsPreview({ denialId }));
  });
  const exportPdf = useAction(async () => {
    if (dirty) adopt(await api.appealsSaveLetter({ denialId, letterText: text }));
    const out = await api.appealsExport({ denialId });
    setExported(out);
    await api.saveOutput({ fileName: out.fileName });
  });

  return (
    <article className="den-appeal" aria-labelledby="den-appeal-title">
      <div className="toolbar">
        <button type="button" className="button" disabled={back.busy} onClick={() => void back.run()}>
          ← Back to the denial
        </button>
        {back.error && (
          <p className="note note-error" role="alert">
            The letter could not be saved, so you stay here: {back.error}
          </p>
        )}
      </div>
      <FocusHeading id="den-appeal-title">
        Appeal of denial {denialId}: {draft.appealLevel}
        {draft.level > 1 && ` (level ${draft.level})`}
      </FocusHeading>
      {!draft.appealable && (
        <p className="note note-warning" role="note">
          The payer gives no appeal rights for this denial (an unprocessable claim or a sponsor item): correct and resubmit, or route it, instead.
        </p>
      )}
      <div className="den-appeal-grid">
        <section className="card" aria-labelledby="den-letter-title">
          <div className="card-body">
            <h3 id="den-letter-title" className="section-title">
              Letter
            </h3>
            <p className="muted">
              {draft.saved ? 'Saved letter.' : 'The template for this denial\'s category, filled in from the remittance and the study.'} Text in [brackets] is for you to complete. Paragraphs are separated by a blank line.
            </p>
            <label className="field-label" htmlFor="den-letter">
              Appeal letter
            </label>
            <textarea id="den-letter" className="input den-letter" value={text} onChange={(e) => setText(e.target.value)} rows={24} maxLength={60_000} spellCheck />
            <div className="toolbar">
              <button type="button" className="button button-primary" disabled={save.busy || !dirty} onClick={() => void save.run()}>
                {save.busy ? 'Saving…' : dirty ? 'Save letter' : 'Saved'}
              </button>
              <button type="button" className="button" disabled={reset.busy} onClick={() => void reset.run()}>
                Reset to template
              </button>
            </div>
            {(save.error ?? reset.error) && (
              <p className="note note-error" role="alert">
                {save.error ?? reset.error}
              </p>
            )}
          </div>
        </section>
        <div className="den-appeal-side">
          <AttachmentList denialId={denialId} draft={draft} onChange={adopt} />
          <section className="card" aria-labelledby="den-packet-title">
            <div className="card-body">
              <h3 id="den-packet-title" className="section-title">
                Packet
              </h3>
              <div className="toolbar">
                <button type="button" className="button" disabled={build.busy} onClick={() => void build.run()}>
                  {build.busy ? 'Building…' : 'Preview packet'}
                </button>
                <button type="button" className="button button-primary" disabled={exportPdf.busy} onClick={() => void exportPdf.run()}>
                  {exportPdf.busy ? 'Exporting…' : 'Export PDF'}
                </button>
              </div>
              {(build.error ?? exportPdf.error) && (
                <p className="note note-error" role="alert">
                  {build.error ?? exportPdf.error}
                </p>
              )}
              {exported !== null && (
                <p className="note note-success" role="status">
                  Exported {exported.fileName}: {formatCount(exported.pageCount)} pages.
                </p>
              )}
            </div>
          </section>
        </div>
      </div>
      {preview !== null && <PacketPreviewView preview={preview} />}
    </article>
  );
}
