/**
 * The app shell: left navigation, the key-protection warning, and the current section. The root
 * element carries `data-app-state` (loading, ready, error) so end-to-end tests wait on a signal,
 * never on time.
 */
import { useCallback, useState } from 'react';
import { useApi } from './api-context.tsx';
import { ComingSoon } from './components/coming-soon.tsx';
import { ErrorState } from './components/error-state.tsx';
import { KeyWarningBanner } from './components/key-warning-banner.tsx';
import { NavBar } from './components/nav-bar.tsx';
import { StudiesScreen } from './screens/studies/studies-screen.tsx';
import { SECTIONS, type SectionId } from './sections.ts';
import { useLoad } from './use-load.ts';
import './styles/app-shell.css';

export function App() {
  const api = useApi();
  const loadInfo = useCallback(() => api.appGetInfo(), [api]);
  const { state: info, reload: reloadInfo } = useLoad(loadInfo);
  const [sectionId, setSectionId] = useState<SectionId>('studies');
  const [screenOutcome, setScreenOutcome] = useState<'ready' | 'error' | null>(null);
  const onScreenSettled = useCallback((outcome: 'ready' | 'error') => setScreenOutcome(outcome), []);

  const section = SECTIONS.find((s) => s.id === sectionId) ?? SECTIONS[0];
  const appState = info.status === 'error' || screenOutcome === 'error' ? 'error' : info.status === 'ready' && (screenOutcome !== null || sectionId !== 'studies') ? 'ready' : 'loading';

  return (
    <div className="app-shell" data-app-state={appState}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NavBar current={sectionId} onSelect={setSectionId} version={info.status === 'ready' ? info.data.version : null} />
      <div className="app-body">
        {info.status === 'ready' && info.data.keyProtection === 'obfuscated-only' && <KeyWarningBanner />}
        {info.status === 'error' && <ErrorState title="TrialLedger could not reach its data." message={info.message} onRetry={reloadInfo} />}
        <main id="main" className="app-main" tabIndex={-1}>
          {section === undefined || section.id === 'studies' ? <StudiesScreen onSettled={onScreenSettled} /> : <ComingSoon section={section} />}
        </main>
      </div>
    </div>
  );
}
