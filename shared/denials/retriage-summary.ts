/** The one sentence the CLI and the UI give after remittance lines were relinked and denials re-triaged. */
import { formatCount } from '../domain/format.ts';

export interface RetriageSummary {
  /** Remittance lines that found their charge. */
  readonly relinked: number;
  /** Open denials whose rule or action changed. */
  readonly retriaged: number;
}

export function describeRetriage({ relinked, retriaged }: RetriageSummary): string {
  return `${formatCount(relinked)} remittance ${relinked === 1 ? 'line' : 'lines'} linked to a charge; ${formatCount(retriaged)} open ${retriaged === 1 ? 'denial' : 'denials'} triaged differently.`;
}
