/**
 * calendar.csv: the billing grid. Rows repeat a visit's name, day and window once per procedure; those
 * must agree, or the matching window of every charge at that visit would depend on row order.
 */
import type { LoadContext, RowLoader } from './loader.ts';
import { flag, num, optNum, optStr, str } from './loader.ts';
import { requireStudy } from './references.ts';
import { makeUpserter } from './upsert.ts';

const VISIT_FIELDS = ['visit_name', 'visit_day', 'window_before_days', 'window_after_days'] as const;

export function calendarLoader(ctx: LoadContext): RowLoader {
  const arms = makeUpserter(ctx.db, 'arms', ['study_id', 'name'], []);
  const visits = makeUpserter(ctx.db, 'calendar_visits', ['arm_id', 'visit_code'], [...VISIT_FIELDS]);
  const items = makeUpserter(
    ctx.db,
    'calendar_items',
    ['visit_id', 'cpt_hcpcs'],
    ['procedure_name', 'designation', 'sponsor_price_cents', 'requires_preapproval', 'promised_free', 'justification', 'source_line'],
    { batch_id: ctx.batchId },
  );
  /** First definition of each visit seen in this file: later rows must agree with it. */
  const visitDefinitions = new Map<string, { line: number; values: (string | number)[] }>();
  return {
    load(values, at) {
      const studyPk = requireStudy(ctx.refs, str(values, 'study_id'), (c, r) => at.problem(c, r));
      if (studyPk === null) return 'rejected';
      const arm = str(values, 'arm');
      const visitCode = str(values, 'visit_code');
      const definition = VISIT_FIELDS.map((field) => values[field] as string | number);
      const key = `${studyPk}\u0000${arm}\u0000${visitCode}`;
      const first = visitDefinitions.get(key);
      if (first) {
        const differs = VISIT_FIELDS.findIndex((_, i) => first.values[i] !== definition[i]);
        if (differs !== -1) {
          const field = VISIT_FIELDS[differs] ?? 'visit_name';
          at.problem(field, `visit ${visitCode} of arm ${arm} has ${field} ${String(first.values[differs])} on line ${first.line} but ${String(definition[differs])} here`);
          return 'rejected';
        }
      } else visitDefinitions.set(key, { line: at.line, values: definition });
      const armId = arms.upsert({ study_id: studyPk, name: arm }).id;
      const visitId = visits.upsert({
        arm_id: armId,
        visit_code: visitCode,
        visit_name: str(values, 'visit_name'),
        visit_day: num(values, 'visit_day'),
        window_before_days: num(values, 'window_before_days'),
        window_after_days: num(values, 'window_after_days'),
      }).id;
      return items.upsert({
        visit_id: visitId,
        cpt_hcpcs: str(values, 'cpt_hcpcs'),
        procedure_name: str(values, 'procedure_name'),
        designation: str(values, 'designation'),
        sponsor_price_cents: optNum(values, 'sponsor_price'),
        requires_preapproval: flag(values, 'requires_preapproval'),
        promised_free: flag(values, 'promised_free'),
        justification: optStr(values, 'justification'),
        source_line: at.line,
      }).outcome;
    },
  };
}
