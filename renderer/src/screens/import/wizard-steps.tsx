/** Where the coordinator is in the wizard: a numbered list with the current step marked (not by colour alone). */

export type Stage = 'choose' | 'review' | 'map' | 'run';

const STEPS: readonly { stage: Stage; label: string }[] = [
  { stage: 'choose', label: 'Choose files' },
  { stage: 'review', label: 'Review' },
  { stage: 'map', label: 'Map columns' },
  { stage: 'run', label: 'Import' },
];

export function WizardSteps({ stage, mapping }: { readonly stage: Stage; readonly mapping: boolean }) {
  const steps = STEPS.filter((s) => s.stage !== 'map' || mapping || stage === 'map');
  const current = steps.findIndex((s) => s.stage === stage);
  return (
    <ol className="wizard-steps" aria-label="Import steps">
      {steps.map((s, i) => (
        <li key={s.stage} className={i < current ? 'step-done' : i === current ? 'step-current' : 'step-todo'} aria-current={i === current ? 'step' : undefined}>
          <span className="step-number" aria-hidden="true">
            {i < current ? '✓' : i + 1}
          </span>
          <span>{s.label}</span>
          {i < current && <span className="visually-hidden"> (done)</span>}
        </li>
      ))}
    </ol>
  );
}
