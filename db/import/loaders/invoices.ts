/**
 * invoices.csv: sponsor invoice lines sent before TrialLedger. They are history: the engine uses them
 * to find double billing (DBL-03) and unbilled visits (INVC-20), and the invoice builder excludes them.
 */
import { quoteCell } from '../../../shared/package-spec/cell-parsers.ts';
import type { LoadContext, RowLoader } from './loader.ts';
import { num, optStr, str } from './loader.ts';
import { requireStudy, requireSubject } from './references.ts';
import { makeUpserter } from './upsert.ts';

export function invoicesLoader(ctx: LoadContext): RowLoader {
  const lines = makeUpserter(
    ctx.db,
    'sponsor_invoice_lines',
    ['study_id', 'invoice_number', 'subject_id', 'visit_code', 'cpt_hcpcs', 'service_date'],
    ['amount_cents'],
    { source: 'IMPORTED', batch_id: ctx.batchId },
  );
  return {
    load(values, at) {
      const report = (c: string, r: string): void => at.problem(c, r);
      const studyPk = requireStudy(ctx.refs, str(values, 'study_id'), report);
      if (studyPk === null) return 'rejected';
      const subjectId = optStr(values, 'subject_id');
      let subjectPk: number | null = null;
      if (subjectId !== null) {
        const subject = requireSubject(ctx.refs, studyPk, subjectId, report);
        if (subject === null) return 'rejected';
        subjectPk = subject.id;
      }
      const code = str(values, 'visit_code');
      if (!ctx.refs.isBillableCode(studyPk, code)) {
        at.problem('visit_code', `${quoteCell(code)} is neither a calendar visit nor an invoiceable item of study ${str(values, 'study_id')}`);
        return 'rejected';
      }
      return lines.upsert({
        study_id: studyPk,
        invoice_number: str(values, 'invoice_number'),
        subject_id: subjectPk,
        visit_code: code,
        cpt_hcpcs: optStr(values, 'cpt_hcpcs'),
        service_date: str(values, 'service_date'),
        amount_cents: num(values, 'amount'),
      }).outcome;
    },
  };
}
