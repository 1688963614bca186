/** approvals.csv: sponsor pre-approvals for procedures the calendar marks requires_preapproval. */
import type { LoadContext, RowLoader } from './loader.ts';
import { str } from './loader.ts';
import { requireStudy, requireSubject } from './references.ts';
import { makeUpserter } from './upsert.ts';

export function approvalsLoader(ctx: LoadContext): RowLoader {
  const approvals = makeUpserter(ctx.db, 'approvals', ['subject_id', 'cpt_hcpcs', 'service_date'], ['approval_ref']);
  return {
    load(values, at) {
      const report = (c: string, r: string): void => at.problem(c, r);
      const studyPk = requireStudy(ctx.refs, str(values, 'study_id'), report);
      if (studyPk === null) return 'rejected';
      const subject = requireSubject(ctx.refs, studyPk, str(values, 'subject_id'), report);
      if (subject === null) return 'rejected';
      return approvals.upsert({
        subject_id: subject.id,
        cpt_hcpcs: str(values, 'cpt_hcpcs'),
        service_date: str(values, 'service_date'),
        approval_ref: str(values, 'approval_ref'),
      }).outcome;
    },
  };
}
