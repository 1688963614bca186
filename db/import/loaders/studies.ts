/** studies.csv: one row per study with its identifiers and CTA terms. */
import type { LoadContext, RowLoader } from './loader.ts';
import { flag, num, optStr, str } from './loader.ts';
import { makeUpserter } from './upsert.ts';

export function studiesLoader(ctx: LoadContext): RowLoader {
  const studies = makeUpserter(
    ctx.db,
    'studies',
    ['study_id'],
    ['protocol_number', 'title', 'sponsor', 'nct_number', 'ide_number', 'qualifying_trial', 'overhead_bp', 'holdback_bp', 'payment_terms_days'],
    { batch_id: ctx.batchId },
  );
  return {
    noteInvalid(values) {
      const studyId = optStr(values, 'study_id');
      if (studyId) ctx.refs.markInvalidStudy(studyId);
    },
    load(values, at) {
      const studyId = str(values, 'study_id');
      if (flag(values, 'qualifying_trial') === 1 && optStr(values, 'nct_number') === null) {
        at.problem('nct_number', 'a qualifying trial needs its NCT number: Medicare requires it on every claim (CR 8401)');
        ctx.refs.markInvalidStudy(studyId);
        return 'rejected';
      }
      const { outcome, id } = studies.upsert({
        study_id: studyId,
        protocol_number: str(values, 'protocol_number'),
        title: str(values, 'title'),
        sponsor: str(values, 'sponsor'),
        nct_number: optStr(values, 'nct_number'),
        ide_number: optStr(values, 'ide_number'),
        qualifying_trial: flag(values, 'qualifying_trial'),
        overhead_bp: num(values, 'overhead_pct'),
        holdback_bp: num(values, 'holdback_pct'),
        payment_terms_days: num(values, 'payment_terms_days'),
      });
      ctx.refs.rememberStudy(studyId, id);
      return outcome;
    },
  };
}
