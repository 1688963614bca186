/** The finding's notes (each line dated and signed by the backend) and a field to add one. */
import { useState, type FormEvent } from 'react';
import { useApi } from '../../../api-context.tsx';

export function NotesForm({ id, notes, onNoted }: { readonly id: number; readonly notes: string | null; readonly onNoted: () => void }) {
  const api = useApi();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (note.trim() === '') return;
    api.findingsAddNote({ id, note: note.trim() }).then(
      () => {
        setNote('');
        setError(null);
        onNoted();
      },
      (e: unknown) => setError(e instanceof Error ? e.message : 'The note could not be saved.'),
    );
  };
  return (
    <div className="notes">
      <h3 className="rule-heading">Notes</h3>
      {notes ? <pre className="notes-text">{notes}</pre> : <p className="muted">No notes yet.</p>}
      <form onSubmit={submit} className="notes-form">
        <label htmlFor={`note-${id}`} className="visually-hidden">
          Add a note
        </label>
        <textarea id={`note-${id}`} className="input" rows={2} maxLength={2000} placeholder="Add a note for whoever picks this up next" value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="button" disabled={note.trim() === ''}>
          Add note
        </button>
        {error && <p className="field-error" role="alert">{error}</p>}
      </form>
    </div>
  );
}
