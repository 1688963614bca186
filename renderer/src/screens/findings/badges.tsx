/** Severity and status as text badges: colour helps, the word carries the meaning. */
import type { FindingStatus } from '../../../../shared/contract/findings.ts';
import type { Severity } from '../../../../shared/rules/catalogue.ts';
import { SEVERITY_LABEL, STATUS_LABEL } from './finding-labels.ts';

export function SeverityBadge({ severity }: { readonly severity: Severity }) {
  return <span className={`sev-badge sev-${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

export function StatusBadge({ status }: { readonly status: FindingStatus }) {
  return <span className={`status-badge status-${status}`}>{STATUS_LABEL[status]}</span>;
}
