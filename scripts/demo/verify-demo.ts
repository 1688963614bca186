/**
 * The generator's self-checks. The oracle (reference-rules.ts) must produce exactly the findings the
 * injections declared: every injected problem appears, with every rule it fires, and nothing fires on a
 * charge meant to be clean. The calendar must leave no room for interpretation (no overlapping windows
 * of one code), and the CSV text must read back to the very rows that were generated.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ChargeDraft } from './charge-book.ts';
import { findingKey, RULE_IDS, type CalendarRow, type DemoPackage, type Finding, type RuleId } from './model.ts';
import type { StudyDef } from './studies/study-def.ts';

/** Windows of one code in one arm must not overlap, so "nearest expected date" never has to break a tie. */
export function assertDisjointWindows(calendar: readonly CalendarRow[]): void {
  const groups = new Map<string, CalendarRow[]>();
  for (const r of calendar) {
    const key = `${r.study_id}|${r.arm}|${r.cpt_hcpcs}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, rows] of groups) {
    const spans = rows.map((r) => [r.visit_day - r.window_before_days, r.visit_day + r.window_after_days] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i += 1) {
      if ((spans[i]?.[0] ?? 0) <= (spans[i - 1]?.[1] ?? 0)) throw new Error(`demo calendar: overlapping windows for ${key}`);
    }
  }
}

/** The CSV text must parse back to exactly the generated rows. */
export function assertRoundTrip(generated: DemoPackage, readBack: DemoPackage): void {
  for (const kind of Object.keys(generated) as (keyof DemoPackage)[]) {
    const a = generated[kind] as readonly object[];
    const b = readBack[kind] as readonly object[];
    if (a.length !== b.length) throw new Error(`demo round trip: ${kind} has ${a.length} rows generated, ${b.length} read back`);
    const i = a.findIndex((row, n) => !isDeepStrictEqual({ ...row }, { ...(b[n] as object) }));
    if (i !== -1) {
      // Column names only: even synthetic MRNs stay out of messages, as the project's rule for PHI says.
      const before = a[i] as Record<string, unknown>;
      const after = b[i] as Record<string, unknown>;
      const columns = Object.keys(before).filter((k) => !isDeepStrictEqual(before[k], after[k]));
      throw new Error(`demo round trip: ${kind} row ${i + 1} reads back different in ${columns.join(', ')}`);
    }
  }
}

/** The findings the generator intends: one per declared rule of each injected charge, plus record-level ones. */
export function declaredFindings(drafts: readonly ChargeDraft[], recordFindings: readonly Finding[], defs: readonly StudyDef[]): Finding[] {
  const out: Finding[] = [...recordFindings];
  for (const d of drafts) {
    for (const rule of d.expect) {
      out.push({
        rule,
        study_id: d.enrolment?.row.study_id ?? null,
        subject_id: d.enrolment?.row.subject_id ?? null,
        charge_id: d.row.charge_id,
        visit_code: d.visitCode,
        cpt_hcpcs: d.row.cpt_hcpcs,
        service_date: d.row.service_date,
      });
    }
  }
  for (const def of defs) {
    for (const spec of def.misalignedRows) {
      const [, visitCode, cpt] = spec.split('/');
      out.push({ rule: 'ALIGN-15', study_id: def.study.study_id, subject_id: null, charge_id: null, visit_code: visitCode ?? '', cpt_hcpcs: cpt ?? '', service_date: null });
    }
  }
  return out;
}

/** Throws unless the oracle's findings and the declared ones are the same set, without repeats. */
export function assertSameFindings(oracle: readonly Finding[], declared: readonly Finding[]): void {
  const oracleKeys = oracle.map(findingKey);
  const declaredKeys = new Set(declared.map(findingKey));
  if (new Set(oracleKeys).size !== oracleKeys.length) throw new Error('demo oracle: the same finding appears twice; the expected file must be a set');
  if (declaredKeys.size !== declared.length) throw new Error('demo generator: an injection declared the same finding twice');
  const oracleSet = new Set(oracleKeys);
  const unexpected = oracle.filter((f) => !declaredKeys.has(findingKey(f)));
  const missing = declared.filter((f) => !oracleSet.has(findingKey(f)));
  if (unexpected.length > 0 || missing.length > 0) {
    const show = (fs: readonly Finding[]): string => fs.slice(0, 8).map((f) => JSON.stringify(f)).join('\n  ');
    throw new Error(
      `demo oracle disagrees with the injections.\n${unexpected.length} fired that no injection declared (a clean charge fired, or an injection fires more than declared):\n  ${show(unexpected)}\n` +
        `${missing.length} declared but not fired:\n  ${show(missing)}`,
    );
  }
}

/** The issue asks for roughly 5-30 of each rule; fewer makes a rule invisible in the demo, more drowns the rest. */
export function assertRuleCounts(findings: readonly Finding[]): Map<RuleId, number> {
  const counts = new Map<RuleId, number>(RULE_IDS.map((r) => [r, 0]));
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  for (const [rule, n] of counts) {
    if (n < 5 || n > 30) throw new Error(`demo: ${rule} fires ${n} times; keep it between 5 and 30`);
  }
  return counts;
}
