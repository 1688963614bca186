/** Assigning findings to a person (or back to nobody), with the names already in use offered. */
import { useState, type FormEvent } from 'react';
import { formatCount } from '../../../../../shared/domain/format.ts';
import { Modal } from '../../../components/modal.tsx';

export interface AssignDialogProps {
  readonly count: number;
  readonly names: readonly string[];
  readonly onAssign: (assignee: string | null) => void;
  readonly onClose: () => void;
}

export function AssignDialog({ count, names, onAssign, onClose }: AssignDialogProps) {
  const [name, setName] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onAssign(name.trim() === '' ? null : name.trim());
  };
  return (
    <Modal title={`Assign ${formatCount(count)} ${count === 1 ? 'finding' : 'findings'}`} onClose={onClose}>
      <form onSubmit={submit} className="modal-form">
        <label className="field-label" htmlFor="assign-name">
          Assign to (leave empty to unassign)
        </label>
        <input id="assign-name" className="input" list="assignee-names" maxLength={80} autoFocus value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <datalist id="assignee-names">
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            {name.trim() === '' ? 'Unassign' : 'Assign'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
