/**
 * Re-triage after the store learned more: charges imported after the remittance (lines that found no
 * charge are linked again), a corrected calendar or enrolment. Only open, unresolved denials change:
 * once the coordinator has acted, the conclusion they acted on stays as recorded.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { DenialAdjustment } from '../../shared/denials/triage.ts';
import { relinkUnlinkedLines } from '../remit/link-charges.ts';
import { buildDenial } from './build-denial.ts';
import { DeadlineCalculator } from './deadline-calculator.ts';
import { stillStanding } from './still-standing.ts';
import { CLAIM_CONTEXT_SQL, type ClaimContext, type DenialCandidate } from './denial-candidates.ts';
import { TrialFactsLoader } from './trial-facts.ts';

interface OpenRow {
  id: number;
  claim_id: number;
  line_id: number | null;
  adjustments: string;
  remarks: string;
  rule: string;
  action: string;
}

const parseAdjustments = (text: string): DenialAdjustment[] =>
  text.split(';').filter((x) => x !== '').map((entry) => {
    const [code = '', amount = '0'] = entry.split(':');
    const [group = '', reason = ''] = code.split('-');
    return { group, reason, amountCents: Number(amount) };
  });

/** Relinks unlinked lines, then re-triages open denials; returns what changed. */
export function retriageOpenDenials(db: Db, now: Date): { relinked: number; retriaged: number } {
  const relinked = relinkUnlinkedLines(db);
  const at = now.toISOString();
  const trial = new TrialFactsLoader(db);
  const deadlines = new DeadlineCalculator(db);
  const claim = db.prepare(`${CLAIM_CONTEXT_SQL} WHERE c.id = ?`);
  const line = db.prepare('SELECT id, procedure_code, modifiers, charge_cents, paid_cents, service_date, period_start, charge_id FROM remit_service_lines WHERE id = ?');
  const update = db.prepare(
    `UPDATE denials SET charge_id = ?, subject_id = ?, study_id = ?, calendar_item_id = ?, visit_id = ?, designation = ?, payer_kind = ?, rule = ?, category = ?, action = ?,
       basis = ?, rebill_to = ?, appealable = ?, reason = ?, identity_key = ?, deadline = ?, deadline_kind = ?, updated_at = ? WHERE id = ?`,
  );
  const event = db.prepare("INSERT INTO denial_events (denial_id, at, kind, note, actor) VALUES (?, ?, 'retriaged', ?, 'system')");
  const rows = db.prepare(`SELECT id, claim_id, line_id, adjustments, remarks, rule, action FROM denials WHERE status = 'open' AND ${stillStanding('')}`).all() as OpenRow[];
  let retriaged = 0;
  db.transaction(() => {
    for (const row of rows) {
      const context = claim.get(row.claim_id) as ClaimContext;
      const l = row.line_id === null ? undefined : (line.get(row.line_id) as { id: number; procedure_code: string; modifiers: string; charge_cents: number; paid_cents: number; service_date: string | null; period_start: string | null; charge_id: number | null } | undefined);
      const candidate: DenialCandidate = {
        claim: context,
        line:
          l === undefined
            ? null
            : { lineId: l.id, procedureCode: l.procedure_code, modifiers: l.modifiers === '' ? [] : l.modifiers.split(';'), chargeCents: l.charge_cents, paidCents: l.paid_cents, serviceDate: l.service_date ?? l.period_start ?? context.statementFrom, chargePk: l.charge_id },
        adjustments: parseAdjustments(row.adjustments),
        remarks: row.remarks === '' ? [] : row.remarks.split(';'),
      };
      const r = buildDenial(candidate, trial, deadlines);
      const t = r.triage;
      update.run(r.chargePk, r.subjectPk, r.studyPk, r.calendarItemPk, r.visitPk, r.designation, r.payerKind, t.rule, t.category, t.action, t.basis, t.rebillTo, t.appealable ? 1 : 0, t.reason, r.identityKey, r.deadline?.date ?? null, r.deadline?.kind ?? null, at, row.id);
      if (t.rule !== row.rule || t.action !== row.action) {
        event.run(row.id, at, `${row.rule} -> ${t.rule}: ${t.category}, ${t.action}`);
        retriaged += 1;
      }
    }
  })();
  return { relinked, retriaged };
}
