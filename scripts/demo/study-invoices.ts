/**
 * Sponsor invoice lines for CTA items outside the visit schedule: start-up and set-up fees at study
 * activation, a screen-failure fee per screen failure, and per-occurrence items (SAE reports,
 * re-consents) for a few subjects. These lines carry the item code as visit_code and no procedure code.
 */
import { addDays, daysBetween } from '../../shared/domain/dates.ts';
import type { InvoiceLineRow } from './model.ts';
import { DATA_CUT, type Enrolment } from './population.ts';
import type { Prng } from './prng.ts';
import type { StudyDef } from './studies/study-def.ts';
import { invoiceNumber } from './visit-charges.ts';

export function invoiceableLines(def: StudyDef, enrolments: readonly Enrolment[], rng: Prng): InvoiceLineRow[] {
  const mine = enrolments.filter((e) => e.def === def);
  const firstConsent = mine.map((e) => e.row.consent_date).sort()[0] ?? DATA_CUT;
  const activation = addDays(firstConsent, -21);
  const studyId = def.study.study_id;
  const line = (code: string, subjectId: string | null, date: string, amount: number): InvoiceLineRow => ({
    study_id: studyId,
    invoice_number: invoiceNumber(studyId, date),
    subject_id: subjectId,
    visit_code: code,
    cpt_hcpcs: null,
    service_date: date,
    amount,
  });
  const out: InvoiceLineRow[] = [];
  const onStudy = mine.filter((e) => e.row.start_date !== null);
  for (const item of def.invoiceables) {
    switch (item.kind) {
      case 'ONE_TIME':
        // Close-out is invoiced at the end of the study, which has not come yet.
        if (item.item_code !== 'CLOSEOUT') out.push(line(item.item_code, null, activation, item.amount));
        break;
      case 'SCREEN_FAILURE':
        for (const e of mine) if (e.row.status === 'SCREEN_FAILED' && e.row.off_study_date !== null) out.push(line(item.item_code, e.row.subject_id, e.row.off_study_date, item.amount));
        break;
      case 'PER_OCCURRENCE': {
        // Continuing review falls due a year after activation, after the data cut.
        if (item.item_code === 'IRB-CONT') break;
        for (const e of rng.sample(onStudy, Math.min(3, onStudy.length), `${item.item_code} occurrences`)) {
          const start = e.row.start_date as string;
          const end = e.row.off_study_date ?? DATA_CUT;
          out.push(line(item.item_code, e.row.subject_id, addDays(start, rng.int(0, Math.max(0, daysBetween(start, end)))), item.amount));
        }
        break;
      }
    }
  }
  return out;
}
