/** The areas of the app in the left navigation. Only Studies exists yet; the rest are later issues. */

export type SectionId = 'studies' | 'import' | 'findings' | 'invoices' | 'denials' | 'dashboard';

export interface Section {
  readonly id: SectionId;
  readonly label: string;
  readonly available: boolean;
  /** What the section will do, shown on its placeholder. */
  readonly summary: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'studies', label: 'Studies', available: true, summary: 'Every study with its calendar, subjects, visits, invoices and charges.' },
  {
    id: 'import',
    label: 'Import',
    available: false,
    summary: 'Import a study package or a charge export, map its columns, and see every problem by file, line and column.',
  },
  {
    id: 'findings',
    label: 'Findings',
    available: false,
    summary: 'Charges that need attention: sponsor-paid items billed to insurance, missing Q0/Q1 modifiers, NCT or IDE numbers missing from claims.',
  },
  { id: 'invoices', label: 'Invoices', available: false, summary: 'Sponsor invoices built from completed visits and invoiceable items, with overhead and holdback.' },
  { id: 'denials', label: 'Denials', available: false, summary: 'Remittances matched to charges, denials by reason, and appeal letters.' },
  { id: 'dashboard', label: 'Dashboard', available: false, summary: 'Money at risk, unbilled sponsor items and receivables ageing across studies.' },
];
