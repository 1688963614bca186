/**
 * Step 3 for a charge export: map its columns to the charges.csv fields (Actual Budget's import
 * dialog is the model). A saved mapping that fits is applied at once; otherwise columns are matched
 * by name and formats guessed. The preview validates the first rows as the import will.
 */
import { useCallback, useState } from 'react';
import type { FilePreview } from '../../../../../shared/contract/imports.ts';
import type { MappingProfile } from '../../../../../shared/package-spec/mapping.ts';
import { useApi } from '../../../api-context.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useLoad } from '../../../use-load.ts';
import { exportSample } from '../import-plan.ts';
import { draftFromProfile, newDraft, profileFits, suggestProfile, type MappingDraft } from './draft.ts';
import { MappingEditor } from './mapping-editor.tsx';

export interface MappingStepProps {
  readonly file: FilePreview;
  readonly busy: boolean;
  readonly onBack: () => void;
  /** Starts the import with `profile`; `remember` saves it under its name first. */
  readonly onImport: (profile: MappingProfile, remember: boolean) => void;
}

/** A name to start from: the export's file name without its extension. */
function defaultName(fileName: string): string {
  return fileName.replace(/\.(csv|xlsx)$/i, '').slice(0, 80);
}

export function MappingStep({ file, busy, onBack, onImport }: MappingStepProps) {
  const api = useApi();
  const load = useCallback(() => api.mappingsList(), [api]);
  const { state, reload } = useLoad(load);
  const sample = exportSample(file);
  const [start, setStart] = useState<{ draft: MappingDraft; applied: string | null; suggested: string | null } | null>(null);

  if (state.status === 'loading') return <LoadingState label="Loading saved mappings…" />;
  if (state.status === 'error') return <ErrorState title="Saved mappings could not be loaded." message={state.message} onRetry={reload} />;

  const profiles = state.data;
  const initial =
    start ??
    (() => {
      const suggested = suggestProfile(profiles, sample);
      return suggested
        ? { draft: draftFromProfile(suggested, sample), applied: suggested.name, suggested: suggested.name }
        : { draft: newDraft(sample, defaultName(file.name)), applied: null, suggested: null };
    })();

  const apply = (name: string | null): void => {
    const profile = profiles.find((p) => p.name === name);
    setStart({ draft: profile ? draftFromProfile(profile, sample) : newDraft(sample, defaultName(file.name)), applied: profile?.name ?? null, suggested: initial.suggested });
  };
  const remove = (name: string): void => {
    void api.mappingsDelete({ name }).then(() => {
      setStart({ draft: { ...initial.draft, name: defaultName(file.name) }, applied: null, suggested: null });
      reload();
    });
  };

  return (
    <section aria-labelledby="mapping-title" className="wizard-step">
      <h2 id="mapping-title" className="section-title">
        Map the columns of {file.name}
      </h2>
      <MappingEditor
        // A new starting point (another saved mapping applied) starts a new editor.
        key={`${initial.applied ?? 'new'}-${profiles.length}`}
        initial={initial.draft}
        sample={sample}
        fileName={file.name}
        profiles={profiles}
        applied={initial.applied}
        suggested={initial.suggested}
        fits={(p) => profileFits(p, sample)}
        onApply={apply}
        onDelete={remove}
        busy={busy}
        onBack={onBack}
        onImport={onImport}
      />
    </section>
  );
}
