/**
 * One subject's timeline: the enrolment dates, each visit of the arm calendar with its expected
 * window and what the CTMS recorded, and the subject's charges from 30 days before consent to 30
 * days after the study period (plus any older or later charge a finding names), each with its
 * active findings. The MRN links charges to the subject here and never leaves this function.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { FindingStatus } from '../../../shared/contract/findings.ts';
import type { SubjectTimeline, TimelineCharge, TimelineFinding, TimelineVisit } from '../../../shared/contract/subjects.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import type { Severity } from '../../../shared/rules/catalogue.ts';
import { matchVisit, type VisitWindow } from './match-visit.ts';

/** Charges this many days either side of the study period are shown too (pre-screening work, late billing). */
export const MARGIN_DAYS = 30;

interface SubjectRow {
  readonly pk: number;
  readonly mrn: string;
  readonly armPk: number | null;
  readonly studyId: string;
  readonly studyTitle: string;
  readonly subjectId: string;
  readonly arm: string | null;
  readonly status: string;
  readonly payerType: string;
  readonly consentDate: string;
  readonly startDate: string | null;
  readonly offStudyDate: string | null;
}

interface FindingRow extends TimelineFinding {
  readonly chargePk: number | null;
  readonly visitPk: number | null;
}

interface VisitRow {
  readonly pk: number;
  readonly visitCode: string;
  readonly visitName: string;
  readonly visitDay: number;
  readonly windowBefore: number;
  readonly windowAfter: number;
  readonly actualDate: string | null;
  readonly ctmsStatus: 'COMPLETED' | 'MISSED' | null;
}

const finding = (f: FindingRow): TimelineFinding => ({ id: f.id, rule: f.rule, severity: f.severity, status: f.status, amountCents: f.amountCents, message: f.message });

/** The timeline of `subjectId` in `studyId`, or null when there is no such subject. */
export function getSubjectTimeline(db: Db, studyId: string, subjectId: string): SubjectTimeline | null {
  const subject = db
    .prepare(
      `SELECT su.id AS pk, su.mrn, su.arm_id AS armPk, st.study_id AS studyId, st.title AS studyTitle, su.subject_id AS subjectId, a.name AS arm, su.status,
              su.payer_type AS payerType, su.consent_date AS consentDate, su.start_date AS startDate, su.off_study_date AS offStudyDate
       FROM subjects su JOIN studies st ON st.id = su.study_id LEFT JOIN arms a ON a.id = su.arm_id WHERE st.study_id = ? AND su.subject_id = ?`,
    )
    .get(studyId, subjectId) as SubjectRow | undefined;
  if (!subject) return null;
  const { pk, mrn, armPk, ...header } = subject;

  const visitRows =
    armPk === null
      ? []
      : (db
          .prepare(
            `SELECT v.id AS pk, v.visit_code AS visitCode, v.visit_name AS visitName, v.visit_day AS visitDay, v.window_before_days AS windowBefore,
                    v.window_after_days AS windowAfter, cv.visit_date AS actualDate, cv.status AS ctmsStatus
             FROM calendar_visits v LEFT JOIN ctms_visits cv ON cv.visit_id = v.id AND cv.subject_id = ? WHERE v.arm_id = ? ORDER BY v.visit_day, v.id`,
          )
          .all(pk, armPk) as VisitRow[]);
  const items = armPk === null ? [] : (db.prepare('SELECT i.visit_id AS visitPk, i.cpt_hcpcs AS cpt, i.procedure_name AS name FROM calendar_items i JOIN calendar_visits v ON v.id = i.visit_id WHERE v.arm_id = ? ORDER BY v.visit_day, i.id').all(armPk) as { visitPk: number; cpt: string; name: string }[]);
  const procedureName = new Map<string, string>();
  const codesByVisit = new Map<number, Set<string>>();
  for (const item of items) {
    if (!procedureName.has(item.cpt)) procedureName.set(item.cpt, item.name);
    const codes = codesByVisit.get(item.visitPk) ?? new Set<string>();
    codes.add(item.cpt);
    codesByVisit.set(item.visitPk, codes);
  }
  const windows: VisitWindow[] = visitRows.map((v) => ({ ...v, codes: codesByVisit.get(v.pk) ?? new Set() }));
  const visitCodeByPk = new Map(visitRows.map((v) => [v.pk, v.visitCode]));

  const findings = db
    .prepare(
      `SELECT f.id, f.rule, f.severity, f.status, f.amount_cents AS amountCents, f.message, f.charge_id AS chargePk, f.visit_id AS visitPk
       FROM findings f INDEXED BY findings_q_subject WHERE f.subject_id = ? AND f.active = 1 ORDER BY f.severity_rank, f.amount_cents DESC, f.id`,
    )
    .all(pk) as (FindingRow & { severity: Severity; status: FindingStatus })[];
  const byCharge = new Map<number, FindingRow[]>();
  const byVisit = new Map<number, FindingRow[]>();
  const other: FindingRow[] = [];
  for (const f of findings) {
    if (f.chargePk !== null) byCharge.set(f.chargePk, [...(byCharge.get(f.chargePk) ?? []), f]);
    else if (f.visitPk !== null && visitCodeByPk.has(f.visitPk)) byVisit.set(f.visitPk, [...(byVisit.get(f.visitPk) ?? []), f]);
    else other.push(f);
  }

  const from = addDays(header.consentDate, -MARGIN_DAYS);
  const to = header.offStudyDate === null ? '9999-12-31' : addDays(header.offStudyDate, MARGIN_DAYS);
  const named = [...byCharge.keys()];
  const chargeRows = db
    .prepare(
      `SELECT c.id AS pk, c.charge_id AS chargeId, c.service_date AS serviceDate, c.cpt_hcpcs AS cptHcpcs, c.units, c.charge_amount_cents AS amountCents,
              c.bill_to AS billTo, c.payer_name AS payerName
       FROM charges c WHERE (c.mrn = ? AND c.service_date BETWEEN ? AND ?) ${named.length > 0 ? `OR c.id IN (${named.map(() => '?').join(', ')})` : ''}
       ORDER BY c.service_date, c.id`,
    )
    .all(mrn, from, to, ...named) as (Omit<TimelineCharge, 'procedureName' | 'visitCode' | 'findings'> & { pk: number })[];

  const charges: TimelineCharge[] = chargeRows.map(({ pk: chargePk, ...c }) => {
    const own = byCharge.get(chargePk) ?? [];
    const matchedVisit = own.find((f) => f.visitPk !== null && visitCodeByPk.has(f.visitPk))?.visitPk;
    return {
      ...c,
      procedureName: procedureName.get(c.cptHcpcs) ?? null,
      visitCode: matchedVisit !== undefined && matchedVisit !== null ? (visitCodeByPk.get(matchedVisit) ?? null) : matchVisit(c.serviceDate, c.cptHcpcs, header.startDate, windows),
      findings: own.map(finding),
    };
  });
  const visits: TimelineVisit[] = visitRows.map((v) => {
    const expected = header.startDate === null ? null : addDays(header.startDate, v.visitDay);
    return {
      visitCode: v.visitCode,
      visitName: v.visitName,
      visitDay: v.visitDay,
      expectedDate: expected,
      windowFrom: expected === null ? null : addDays(expected, -v.windowBefore),
      windowTo: expected === null ? null : addDays(expected, v.windowAfter),
      actualDate: v.actualDate,
      status: v.ctmsStatus ?? 'NOT_RECORDED',
      findings: (byVisit.get(v.pk) ?? []).map(finding),
    };
  });
  return { ...header, visits, charges, otherFindings: other.map(finding) };
}
