/**
 * The app shell: left navigation, the key-protection warning, and the current section. The root
 * element carries `data-app-state` (loading, ready, error) so end-to-end tests wait on a signal,
 * never on time.
 */
import { useCallback, useState } from 'react';
import { useApi } from './api-context.tsx';
import { ErrorState } from './components/error-state.tsx';
import { KeyWarningBanner } from './components/key-warning-banner.tsx';
import { NavBar } from './components/nav-bar.tsx';
import type { ScreenState } from './screen-state.ts';
import { DashboardScreen } from './screens/dashboard/dashboard-screen.tsx';
import { DenialsScreen } from './screens/denials/denials-screen.tsx';
import { FindingsSection, type FindingsIntent } from './screens/findings/findings-section.tsx';
import { ImportScreen } from './screens/import/import-screen.tsx';
import { InvoicesScreen } from './screens/invoices/invoices-screen.tsx';
import { StudiesScreen } from './screens/studies/studies-screen.tsx';
import type { SectionId } from './sections.ts';
import { useLoad } from './use-load.ts';
import './styles/app-shell.css';

export function App() {
  const api = useApi();
  const loadInfo = useCallback(() => api.appGetInfo(), [api]);
  const { state: info, reload: reloadInfo } = useLoad(loadInfo);
  const [sectionId, setSectionId] = useState<SectionId>('studies');
  const [screenOutcome, setScreenOutcome] = useState<ScreenState | null>(null);
  const onScreenSettled = useCallback((outcome: ScreenState) => setScreenOutcome(outcome), []);
  // The dashboard opens the findings queue filtered to a rule or study.
  const [findingsIntent, setFindingsIntent] = useState<FindingsIntent | null>(null);
  // A new section starts unsettled: every screen reports its own state (loading, ready, error) through onSettled.
  const selectSection = useCallback(
    (id: SectionId) => {
      // Re-selecting the current section keeps its screen (and its settled state) as it is.
      if (id === sectionId) return;
      setSectionId(id);
      setScreenOutcome(null);
    },
    [sectionId],
  );

  const appState = info.status === 'error' || screenOutcome === 'error' ? 'error' : info.status === 'ready' && screenOutcome === 'ready' ? 'ready' : 'loading';

  return (
    <div className="app-shell" data-app-state={appState}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NavBar current={sectionId} onSelect={selectSection} version={info.status === 'ready' ? info.data.version : null} />
      <div className="app-body">
        {info.status === 'ready' && info.data.keyProtection === 'obfuscated-only' && <KeyWarningBanner />}
        {info.status === 'error' && <ErrorState title="TrialLedger could not reach its data." message={info.message} onRetry={reloadInfo} />}
        <main id="main" className="app-main" tabIndex={-1}>
          {sectionId === 'studies' ? (
            <StudiesScreen onSettled={onScreenSettled} onImport={() => selectSection('import')} />
          ) : sectionId === 'import' ? (
            <ImportScreen onSettled={onScreenSettled} onNavigate={selectSection} />
          ) : sectionId === 'invoices' ? (
            <InvoicesScreen onSettled={onScreenSettled} />
          ) : sectionId === 'denials' ? (
            <DenialsScreen onSettled={onScreenSettled} />
          ) : sectionId === 'findings' ? (
            <FindingsSection onSettled={onScreenSettled} intent={findingsIntent} />
          ) : (
            <DashboardScreen
              onSettled={onScreenSettled}
              onOpenFindings={(filter) => {
                setFindingsIntent({ filter, nonce: Date.now() });
                selectSection('findings');
              }}
            />
          )}
        </main>
      </div>
    </div>
  );
}
