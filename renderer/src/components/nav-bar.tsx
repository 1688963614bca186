/** The left navigation: the product name, one button per section, and the version. */
import { SECTIONS, type SectionId } from '../sections.ts';
import iconUrl from '../../../assets/icon.svg';

export interface NavBarProps {
  readonly current: SectionId;
  readonly onSelect: (section: SectionId) => void;
  /** e.g. `0.1.0`, shown at the bottom once known. */
  readonly version: string | null;
}

export function NavBar({ current, onSelect, version }: NavBarProps) {
  return (
    <nav className="app-nav" aria-label="Main">
      <div className="app-brand">
        <img src={iconUrl} alt="" width={28} height={28} />
        <span>TrialLedger</span>
      </div>
      <ul className="app-nav-list">
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <button
              type="button"
              className="app-nav-item"
              title={section.summary}
              aria-current={section.id === current ? 'page' : undefined}
              onClick={() => onSelect(section.id)}
            >
              <span>{section.label}</span>
            </button>
          </li>
        ))}
      </ul>
      {version !== null && <p className="app-nav-version">Version {version}</p>}
    </nav>
  );
}
