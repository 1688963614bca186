/**
 * The close-out reconciliation of a study (BRIEF section 3 "Close-out reconciliation": every
 * checked-in visit and item invoiced or paid, payments applied at item level, holdback released,
 * unapplied cash resolved; CRIO-GAAP, RT-BLOG): totals, per-subject figures, unbilled items, the
 * holdback and its release, the study's invoices and the compliance findings still open.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { ruleById } from '../../../shared/rules/catalogue.ts';
import type { CloseoutFindings, CloseoutReport, CloseoutSubject, LedgerRow } from '../../../shared/invoicing/report-types.ts';
import { importedHoldbackEstimate } from '../../invoicing/holdback.ts';
import { publicTerms, requireStudy } from '../../invoicing/study-terms.ts';
import { buildLedger, type KeyedLedgerRow } from './closeout-ledger.ts';
import { listInvoices } from './list-invoices.ts';
import { unappliedBySponsor } from './list-payments.ts';

/** The report plus every ledger row (for the spreadsheet); `closeout:get` returns one subject's rows. */
export interface CloseoutData {
  readonly report: Omit<CloseoutReport, 'ledger'>;
  readonly ledger: readonly KeyedLedgerRow[];
}

/** Computes the close-out of a study as of `asOf`. */
export function buildCloseout(db: Db, studyId: string, asOf: string): CloseoutData {
  const study = requireStudy(db, studyId);
  const ledger = buildLedger(db, study.pk);
  const subjects = subjectFigures(db, study.pk, ledger.rows);
  const totals = { ctaCents: 0, invoicedCents: 0, invoicedBeforeCents: 0, netDueCents: 0, paidCents: 0, outstandingCents: 0, items: 0, awaitingCount: 0, awaitingCents: 0 };
  for (const r of ledger.rows) {
    if (r.status === 'awaiting-approval') {
      totals.awaitingCount++;
      totals.awaitingCents += r.ctaCents;
      continue;
    }
    totals.items++;
    totals.ctaCents += r.ctaCents;
    totals.invoicedCents += r.invoicedCents;
    totals.netDueCents += r.netDueCents;
    totals.paidCents += r.paidCents;
    totals.outstandingCents += r.outstandingCents;
  }
  totals.invoicedBeforeCents = db.prepare("SELECT coalesce(sum(amount_cents), 0) FROM sponsor_invoice_lines WHERE study_id = ? AND source = 'IMPORTED'").pluck().get(study.pk) as number;
  const imported = importedHoldbackEstimate(db, study);
  const all = listInvoices(db, asOf, study.studyId);
  const invoices = all.filter((i) => i.status === 'ISSUED');
  const release = db
    .prepare("SELECT id FROM invoices WHERE study_id = ? AND kind = 'HOLDBACK_RELEASE' ORDER BY status = 'ISSUED' DESC, id DESC LIMIT 1")
    .pluck()
    .get(study.pk) as number | undefined;
  const releaseRow = release === undefined ? undefined : all.find((i) => i.id === release);
  return {
    report: {
      study: publicTerms(study),
      asOf,
      totals: {
        subjects: subjects.length,
        completedVisits: db.prepare("SELECT count(*) FROM ctms_visits cv JOIN subjects s ON s.id = cv.subject_id WHERE s.study_id = ? AND cv.status = 'COMPLETED'").pluck().get(study.pk) as number,
        items: totals.items,
        ctaCents: totals.ctaCents,
        invoicedCents: totals.invoicedCents,
        invoicedBeforeCents: totals.invoicedBeforeCents,
        netDueCents: totals.netDueCents,
        paidCents: totals.paidCents,
        outstandingCents: totals.outstandingCents,
        unbilledCount: ledger.unbilled.length,
        unbilledCents: ledger.unbilled.reduce((s, u) => s + u.amountCents, 0),
        awaitingApprovalCount: totals.awaitingCount,
        awaitingApprovalCents: totals.awaitingCents,
        unappliedCashCents: unappliedBySponsor(db).get(study.sponsor) ?? 0,
      },
      holdback: {
        trialLedgerCents: ledger.holdback.cents,
        onPaidLinesCents: ledger.holdback.onPaidLinesCents,
        importedEstimateCents: imported.cents,
        totalCents: ledger.holdback.cents + imported.cents,
        release: releaseRow ? { id: releaseRow.id, number: releaseRow.number, state: releaseRow.state, netCents: releaseRow.netCents } : null,
      },
      unbilled: ledger.unbilled,
      findings: openFindings(db, study.pk),
      subjects,
      invoices: invoices.map((i) => ({ id: i.id, number: i.number ?? '', kind: i.kind, issueDate: i.issueDate ?? '', dueDate: i.dueDate ?? '', netCents: i.netCents, paidCents: i.paidCents, balanceCents: i.balanceCents, state: i.state })),
    },
    ledger: ledger.rows,
  };
}

/** The report for the screen: figures plus the ledger of one subject ('' = study-level items) when asked. */
export function getCloseout(db: Db, studyId: string, asOf: string, subjectId?: string): CloseoutReport {
  const { report, ledger } = buildCloseout(db, studyId, asOf);
  const rows: LedgerRow[] = subjectId === undefined ? [] : ledger.filter((r) => (r.subjectId ?? '') === subjectId).map(({ subjectPk: _pk, ...row }) => row);
  return { ...report, ledger: rows };
}

function subjectFigures(db: Db, studyPk: number, rows: readonly KeyedLedgerRow[]): CloseoutSubject[] {
  const subjects = db
    .prepare(
      `SELECT s.id, s.subject_id AS subjectId, s.status, (SELECT count(*) FROM ctms_visits cv WHERE cv.subject_id = s.id AND cv.status = 'COMPLETED') AS visits
       FROM subjects s WHERE s.study_id = ? ORDER BY s.subject_id`,
    )
    .all(studyPk) as { id: number; subjectId: string; status: string; visits: number }[];
  const sums = new Map<number, { items: number; cta: number; invoiced: number; paid: number; open: number; unbilled: number }>();
  for (const r of rows) {
    if (r.subjectPk === null || r.status === 'awaiting-approval') continue;
    const s = sums.get(r.subjectPk) ?? { items: 0, cta: 0, invoiced: 0, paid: 0, open: 0, unbilled: 0 };
    s.items++;
    s.cta += r.ctaCents;
    s.invoiced += r.invoicedCents;
    s.paid += r.paidCents;
    s.open += r.outstandingCents;
    if (r.status === 'unbilled') s.unbilled += r.ctaCents;
    sums.set(r.subjectPk, s);
  }
  return subjects.map((s) => {
    const m = sums.get(s.id);
    return { subjectId: s.subjectId, status: s.status, completedVisits: s.visits, items: m?.items ?? 0, ctaCents: m?.cta ?? 0, invoicedCents: m?.invoiced ?? 0, paidCents: m?.paid ?? 0, outstandingCents: m?.open ?? 0, unbilledCents: m?.unbilled ?? 0 };
  });
}

/** Findings still to work (open or confirmed) of the study, by rule. */
function openFindings(db: Db, studyPk: number): CloseoutFindings {
  const rows = db
    .prepare("SELECT rule, count(*) AS count, sum(amount_cents) AS amountCents FROM findings WHERE study_id = ? AND active = 1 AND status IN ('open', 'confirmed') GROUP BY rule ORDER BY rule")
    .all(studyPk) as { rule: string; count: number; amountCents: number }[];
  return {
    totalOpen: rows.reduce((s, r) => s + r.count, 0),
    amountCents: rows.reduce((s, r) => s + r.amountCents, 0),
    byRule: rows.map((r) => ({ ...r, title: titleOf(r.rule) })),
  };
}

function titleOf(rule: string): string {
  try {
    return ruleById(rule).title;
  } catch {
    return rule;
  }
}
