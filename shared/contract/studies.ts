/** Studies as the study list shows them. */
import { z } from 'zod';
import { channel } from './define.ts';

export interface StudyCounts {
  readonly arms: number;
  readonly calendarVisits: number;
  readonly calendarItems: number;
  readonly invoiceables: number;
  readonly subjects: number;
  readonly ctmsVisits: number;
  readonly approvals: number;
  readonly invoiceLines: number;
  /** Charges whose MRN belongs to a subject of the study. */
  readonly charges: number;
}

export interface StudySummary {
  readonly studyId: string;
  readonly protocolNumber: string;
  readonly title: string;
  readonly sponsor: string;
  readonly nctNumber: string | null;
  readonly ideNumber: string | null;
  readonly qualifyingTrial: boolean;
  readonly overheadBp: number;
  readonly holdbackBp: number;
  readonly paymentTermsDays: number;
  readonly counts: StudyCounts;
}

export const studiesContract = {
  /** Every study with its row counts, ordered by study id. */
  'studies:list': channel<StudySummary[]>()(z.object({})),
};
