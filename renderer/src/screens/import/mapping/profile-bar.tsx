/**
 * Saved mappings: pick one to apply, or start from the columns matched by name. A saved mapping that
 * fits the export (every column it reads is there) is picked up automatically, as Actual Budget
 * remembers an account's import settings.
 */
import type { MappingProfile } from '../../../../../shared/package-spec/mapping.ts';

export interface ProfileBarProps {
  readonly profiles: readonly MappingProfile[];
  /** Name of the applied profile, or null for a new mapping. */
  readonly applied: string | null;
  /** Name of the profile picked automatically because it fits, if any. */
  readonly suggested: string | null;
  readonly fits: (profile: MappingProfile) => boolean;
  readonly onApply: (name: string | null) => void;
  readonly onDelete: (name: string) => void;
}

export function ProfileBar({ profiles, applied, suggested, fits, onApply, onDelete }: ProfileBarProps) {
  return (
    <div className="profile-bar">
      <div className="toolbar">
        <label className="field-label profile-label" htmlFor="profile-select">
          Saved mapping
        </label>
        <select id="profile-select" className="select" value={applied ?? ''} onChange={(e) => onApply(e.target.value === '' ? null : e.target.value)}>
          <option value="">New mapping (columns matched by name)</option>
          {profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
              {fits(p) ? ' (fits this export)' : " (columns don't match)"}
            </option>
          ))}
        </select>
        {applied !== null && (
          <button type="button" className="button button-small" onClick={() => onDelete(applied)}>
            Delete saved mapping
          </button>
        )}
      </div>
      {applied !== null && applied === suggested && (
        <p className="note note-success" role="status">
          Saved mapping “{applied}” fits this export and has been applied. Check the preview, then import.
        </p>
      )}
      {applied === null && profiles.length === 0 && <p className="muted">No saved mappings yet: this one is saved under its name when you import.</p>}
    </div>
  );
}
