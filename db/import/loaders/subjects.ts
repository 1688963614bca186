/**
 * subjects.csv: enrolments. The study period (consent to off-study) and the calendar anchor (start
 * date) drive every match later, so their order and presence are checked here.
 */
import { quoteCell } from '../../../shared/package-spec/cell-parsers.ts';
import type { LoadContext, RowLoader } from './loader.ts';
import { optStr, str } from './loader.ts';
import { requireStudy } from './references.ts';
import { makeUpserter } from './upsert.ts';

const ON_STUDY = new Set(['ENROLLED', 'OFF_STUDY']);

export function subjectsLoader(ctx: LoadContext): RowLoader {
  const subjects = makeUpserter(
    ctx.db,
    'subjects',
    ['study_id', 'subject_id'],
    ['mrn', 'arm_id', 'consent_date', 'start_date', 'off_study_date', 'payer_type', 'status'],
  );
  const otherSubjectWithMrn = ctx.db.prepare('SELECT subject_id FROM subjects WHERE study_id = ? AND mrn = ? AND subject_id <> ?').pluck();
  return {
    noteInvalid(values) {
      const studyId = optStr(values, 'study_id');
      const subjectId = optStr(values, 'subject_id');
      if (!studyId || !subjectId) return;
      const study = ctx.refs.study(studyId);
      if ('found' in study) ctx.refs.markInvalidSubject(study.found, subjectId);
    },
    load(values, at) {
      const studyPk = requireStudy(ctx.refs, str(values, 'study_id'), (c, r) => at.problem(c, r));
      if (studyPk === null) return 'rejected';
      const subjectId = str(values, 'subject_id');
      const status = str(values, 'status');
      const consent = str(values, 'consent_date');
      const start = optStr(values, 'start_date');
      const off = optStr(values, 'off_study_date');
      const armName = optStr(values, 'arm');
      const mrn = str(values, 'mrn');
      let ok = true;
      const fail = (column: string, reason: string): void => {
        at.problem(column, reason);
        ok = false;
      };
      let armId: number | null = null;
      if (armName === null) {
        if (ON_STUDY.has(status)) fail('arm', `arm is required for a subject who is ${status}`);
      } else {
        armId = ctx.refs.arm(studyPk, armName);
        if (armId === null) fail('arm', `arm ${quoteCell(armName)} has no rows in the calendar of study ${str(values, 'study_id')}`);
      }
      if (start === null && ON_STUDY.has(status)) fail('start_date', `start_date (calendar day 0) is required for a subject who is ${status}`);
      if (start !== null && start < consent) fail('start_date', `start_date ${start} is before consent_date ${consent}`);
      if (off === null && status === 'OFF_STUDY') fail('off_study_date', 'off_study_date is required for a subject who is OFF_STUDY');
      if (off !== null && off < consent) fail('off_study_date', `off_study_date ${off} is before consent_date ${consent}`);
      if (off !== null && start !== null && off < start) fail('off_study_date', `off_study_date ${off} is before start_date ${start}`);
      const other = otherSubjectWithMrn.get(studyPk, mrn, subjectId) as string | undefined;
      if (other !== undefined) fail('mrn', `this MRN is already enrolled in the study as subject ${other}`);
      if (!ok) {
        ctx.refs.markInvalidSubject(studyPk, subjectId);
        return 'rejected';
      }
      return subjects.upsert({
        study_id: studyPk,
        subject_id: subjectId,
        mrn,
        arm_id: armId,
        consent_date: consent,
        start_date: start,
        off_study_date: off,
        payer_type: str(values, 'payer_type'),
        status,
      }).outcome;
    },
  };
}
