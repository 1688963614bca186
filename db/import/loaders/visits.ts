/** visits.csv: CTMS visit tracking; each visit must be a visit of the subject's own arm calendar. */
import type { LoadContext, RowLoader } from './loader.ts';
import { str } from './loader.ts';
import { requireStudy, requireSubject } from './references.ts';
import { makeUpserter } from './upsert.ts';

export function visitsLoader(ctx: LoadContext): RowLoader {
  const visits = makeUpserter(ctx.db, 'ctms_visits', ['subject_id', 'visit_id'], ['visit_date', 'status']);
  return {
    load(values, at) {
      const report = (c: string, r: string): void => at.problem(c, r);
      const studyPk = requireStudy(ctx.refs, str(values, 'study_id'), report);
      if (studyPk === null) return 'rejected';
      const subject = requireSubject(ctx.refs, studyPk, str(values, 'subject_id'), report);
      if (subject === null) return 'rejected';
      const visitCode = str(values, 'visit_code');
      if (subject.armId === null) {
        at.problem('subject_id', `subject ${str(values, 'subject_id')} has no arm, so visit ${visitCode} cannot be placed on a calendar`);
        return 'rejected';
      }
      const visitId = ctx.refs.calendarVisit(subject.armId, visitCode);
      if (visitId === null) {
        at.problem('visit_code', `visit ${visitCode} is not on the calendar of subject ${str(values, 'subject_id')}'s arm`);
        return 'rejected';
      }
      return visits.upsert({ subject_id: subject.id, visit_id: visitId, visit_date: str(values, 'visit_date'), status: str(values, 'status') }).outcome;
    },
  };
}
