/** The keyboard shortcuts (the `?` key). */
import { Modal } from '../../../components/modal.tsx';
import { SHORTCUTS } from './keyboard-map.ts';

export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="modal-wide">
      <table className="shortcuts-table">
        <caption className="visually-hidden">Keys of the findings queue and what they do</caption>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="muted"> or </span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal-actions">
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
