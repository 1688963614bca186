/** The areas of the app in the left navigation, in their order there. */

export type SectionId = 'studies' | 'import' | 'findings' | 'invoices' | 'denials' | 'dashboard';

export interface Section {
  readonly id: SectionId;
  readonly label: string;
  /** What the section is for: the navigation button's tooltip. */
  readonly summary: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'studies', label: 'Studies', summary: 'Every study with its calendar, subjects, visits, invoices and charges.' },
  {
    id: 'import',
    label: 'Import',
    summary: 'Import a study package or a charge export, map its columns, and see every problem by file, line and column.',
  },
  {
    id: 'findings',
    label: 'Findings',
    summary: 'Charges that need attention: sponsor-paid items billed to insurance, missing Q0/Q1 modifiers, NCT or IDE numbers missing from claims.',
  },
  { id: 'invoices', label: 'Invoices', summary: 'Sponsor invoices built from completed visits and invoiceable items, with overhead and holdback; payments, receivables and close-out.' },
  { id: 'denials', label: 'Denials', summary: 'Remittances matched to charges, denials triaged by root cause with deadlines, appeal packets and denial metrics.' },
  { id: 'dashboard', label: 'Dashboard', summary: 'Dollars at risk by rule and study, open findings by age, and the monthly trend.' },
];
