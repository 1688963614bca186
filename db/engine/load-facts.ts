/**
 * Loads what the rules need besides the charges themselves: studies, arm calendars, enrolments by
 * MRN, sponsor invoice lines and approvals. All of it is small next to the charges (thousands of
 * rows), so it is held in memory while the charges stream through in chunks.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { toDayNumber } from '../../shared/domain/dates.ts';
import type { Designation, PayerType, SubjectStatus } from '../../shared/domain/codes.ts';
import type { ArmCalendar, CalendarRow, ChargeLookups, EnrolmentFacts, InvoiceLineFacts, StudyFacts } from '../../shared/rules/facts.ts';

export interface ReferenceFacts {
  readonly studies: ReadonlyMap<number, StudyFacts>;
  readonly arms: ReadonlyMap<number, ArmCalendar>;
  readonly enrolmentsByMrn: ReadonlyMap<string, readonly EnrolmentFacts[]>;
  readonly enrolmentsBySubject: ReadonlyMap<number, EnrolmentFacts>;
  readonly lookups: ChargeLookups;
}

const day = (iso: string): number => toDayNumber(iso) ?? 0;

export function loadReferenceFacts(db: Db): ReferenceFacts {
  const studies = new Map<number, StudyFacts>();
  for (const s of db.prepare('SELECT id, study_id, qualifying_trial, nct_number, ide_number FROM studies').all() as {
    id: number;
    study_id: string;
    qualifying_trial: number;
    nct_number: string | null;
    ide_number: string | null;
  }[]) {
    studies.set(s.id, { pk: s.id, studyId: s.study_id, qualifying: s.qualifying_trial === 1, nctNumber: s.nct_number, ideNumber: s.ide_number });
  }

  const byArm = new Map<number, Map<string, CalendarRow[]>>();
  const rows = db
    .prepare(
      `SELECT a.id AS armPk, a.name AS arm, v.id AS visitPk, v.visit_code, v.visit_name, v.visit_day, v.window_before_days, v.window_after_days,
              i.id AS itemPk, i.cpt_hcpcs, i.procedure_name, i.designation, i.sponsor_price_cents, i.requires_preapproval, i.promised_free, i.justification, i.source_line
       FROM arms a JOIN calendar_visits v ON v.arm_id = a.id JOIN calendar_items i ON i.visit_id = v.id
       ORDER BY a.id, v.visit_day, v.id, i.id`,
    )
    .all() as Record<string, string | number | null>[];
  for (const r of rows) {
    const armPk = r.armPk as number;
    const byCode = byArm.get(armPk) ?? new Map<string, CalendarRow[]>();
    byArm.set(armPk, byCode);
    const row: CalendarRow = {
      itemPk: r.itemPk as number,
      visitPk: r.visitPk as number,
      arm: r.arm as string,
      visitCode: r.visit_code as string,
      visitName: r.visit_name as string,
      visitDay: r.visit_day as number,
      windowBefore: r.window_before_days as number,
      windowAfter: r.window_after_days as number,
      cpt: r.cpt_hcpcs as string,
      procedureName: r.procedure_name as string,
      designation: r.designation as Designation,
      sponsorPriceCents: r.sponsor_price_cents as number | null,
      requiresPreapproval: r.requires_preapproval === 1,
      promisedFree: r.promised_free === 1,
      justification: r.justification as string | null,
      sourceLine: r.source_line as number,
    };
    const list = byCode.get(row.cpt) ?? [];
    list.push(row);
    byCode.set(row.cpt, list);
  }
  const arms = new Map<number, ArmCalendar>();
  for (const a of db.prepare('SELECT id, study_id, name FROM arms').all() as { id: number; study_id: number; name: string }[]) {
    arms.set(a.id, { armPk: a.id, studyPk: a.study_id, name: a.name, byCode: byArm.get(a.id) ?? new Map() });
  }

  const enrolmentsByMrn = new Map<string, EnrolmentFacts[]>();
  const enrolmentsBySubject = new Map<number, EnrolmentFacts>();
  for (const s of db.prepare('SELECT id, study_id, subject_id, mrn, arm_id, consent_date, start_date, off_study_date, payer_type, status FROM subjects ORDER BY study_id, id').all() as {
    id: number;
    study_id: number;
    subject_id: string;
    mrn: string;
    arm_id: number | null;
    consent_date: string;
    start_date: string | null;
    off_study_date: string | null;
    payer_type: PayerType;
    status: SubjectStatus;
  }[]) {
    const study = studies.get(s.study_id);
    if (!study) continue;
    const enrolment: EnrolmentFacts = {
      subjectPk: s.id,
      subjectId: s.subject_id,
      study,
      arm: s.arm_id === null ? null : (arms.get(s.arm_id) ?? null),
      consentDate: s.consent_date,
      startDate: s.start_date,
      offStudyDate: s.off_study_date,
      consentDay: day(s.consent_date),
      startDay: s.start_date === null ? null : day(s.start_date),
      offDay: s.off_study_date === null ? null : day(s.off_study_date),
      payerType: s.payer_type,
      status: s.status,
    };
    enrolmentsBySubject.set(s.id, enrolment);
    const list = enrolmentsByMrn.get(s.mrn) ?? [];
    list.push(enrolment);
    enrolmentsByMrn.set(s.mrn, list);
  }

  const invoiceLines = new Map<string, InvoiceLineFacts>();
  for (const l of db.prepare('SELECT subject_id, cpt_hcpcs, service_date, invoice_number, visit_code, amount_cents FROM sponsor_invoice_lines WHERE subject_id IS NOT NULL AND cpt_hcpcs IS NOT NULL ORDER BY id').all() as {
    subject_id: number;
    cpt_hcpcs: string;
    service_date: string;
    invoice_number: string;
    visit_code: string;
    amount_cents: number;
  }[]) {
    const key = `${l.subject_id}|${l.cpt_hcpcs}|${l.service_date}`;
    if (!invoiceLines.has(key)) invoiceLines.set(key, { invoiceNumber: l.invoice_number, visitCode: l.visit_code, serviceDate: l.service_date, amountCents: l.amount_cents });
  }
  const approvals = new Set(
    (db.prepare('SELECT subject_id, cpt_hcpcs, service_date FROM approvals').all() as { subject_id: number; cpt_hcpcs: string; service_date: string }[]).map(
      (a) => `${a.subject_id}|${a.cpt_hcpcs}|${a.service_date}`,
    ),
  );
  return {
    studies,
    arms,
    enrolmentsByMrn,
    enrolmentsBySubject,
    lookups: {
      invoiceLine: (subjectPk, cpt, date) => invoiceLines.get(`${subjectPk}|${cpt}|${date}`) ?? null,
      hasApproval: (subjectPk, cpt, date) => approvals.has(`${subjectPk}|${cpt}|${date}`),
    },
  };
}
