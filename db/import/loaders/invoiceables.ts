/** invoiceables.csv: CTA fees outside the visit schedule. */
import type { LoadContext, RowLoader } from './loader.ts';
import { flag, num, str } from './loader.ts';
import { requireStudy } from './references.ts';
import { makeUpserter } from './upsert.ts';

export function invoiceablesLoader(ctx: LoadContext): RowLoader {
  const invoiceables = makeUpserter(ctx.db, 'invoiceables', ['study_id', 'item_code'], ['description', 'amount_cents', 'kind', 'holdback_exempt', 'overhead_exempt']);
  return {
    load(values, at) {
      const studyPk = requireStudy(ctx.refs, str(values, 'study_id'), (c, r) => at.problem(c, r));
      if (studyPk === null) return 'rejected';
      return invoiceables.upsert({
        study_id: studyPk,
        item_code: str(values, 'item_code'),
        description: str(values, 'description'),
        amount_cents: num(values, 'amount'),
        kind: str(values, 'kind'),
        holdback_exempt: flag(values, 'holdback_exempt'),
        overhead_exempt: flag(values, 'overhead_exempt'),
      }).outcome;
    },
  };
}
