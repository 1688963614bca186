/** Saved views, a study's subjects and a subject's timeline, on the demo package. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { defaultDemoDir } from '../../db/demo/load-demo.ts';
import { listSubjects } from '../../db/queries/subjects/list-subjects.ts';
import { getSubjectTimeline } from '../../db/queries/subjects/subject-timeline.ts';
import { deleteView, listSavedViews, saveView } from '../../db/queries/views/saved-views.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { demoStore, NOW } from './demo-store.ts';

let db: Db;
beforeAll(async () => {
  db = await demoStore();
});

type Row = Record<string, string>;
const demoCsv = (file: string): Row[] => Papa.parse<Row>(readFileSync(join(defaultDemoDir(), file), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' }).data;

describe('saved views', () => {
  it('saves, replaces by name (case-insensitive), lists by name and deletes', () => {
    const critical = saveView(db, { name: 'Critical unassigned', filter: { severities: ['critical'], assignee: '' }, sort: { by: 'amount', direction: 'desc' }, grouping: 'none' }, NOW);
    saveView(db, { name: 'by rule', filter: {}, sort: { by: 'severity', direction: 'asc' }, grouping: 'rule' }, NOW);
    const replaced = saveView(db, { name: 'critical UNASSIGNED', filter: { severities: ['critical'] }, sort: { by: 'service_date', direction: 'asc' }, grouping: 'subject' }, NOW);
    expect(replaced.id).toBe(critical.id);
    expect(listSavedViews(db).map((v) => [v.name, v.grouping, v.sort.by])).toEqual([
      ['by rule', 'rule', 'severity'],
      ['critical UNASSIGNED', 'subject', 'service_date'],
    ]);
    expect(listSavedViews(db)[1]?.filter).toEqual({ severities: ['critical'] });
    expect(deleteView(db, critical.id)).toBe(true);
    expect(deleteView(db, critical.id)).toBe(false);
    expect(listSavedViews(db).map((v) => v.name)).toEqual(['by rule']);
  });

  it('falls back to defaults for a stored filter that no longer parses', () => {
    db.prepare("INSERT INTO saved_views (name, filter_json, sort_json, grouping, created_at, updated_at) VALUES ('old', '{\"severities\":[\"fatal\"]}', 'nope', 'none', 'x', 'x')").run();
    expect(listSavedViews(db).find((v) => v.name === 'old')).toMatchObject({ filter: {}, sort: { by: 'severity', direction: 'asc' } });
  });
});

describe('subjects', () => {
  it('lists a study’s subjects with their open findings, never an MRN', () => {
    const subjects = listSubjects(db, 'NSCLC-301');
    const expected = demoCsv('subjects.csv').filter((s) => s.study_id === 'NSCLC-301');
    expect(subjects.map((s) => s.subjectId)).toEqual(expected.map((s) => s.subject_id).sort());
    const open = db.prepare("SELECT count(*) FROM findings f JOIN studies st ON st.id = f.study_id WHERE st.study_id = 'NSCLC-301' AND f.subject_id IS NOT NULL AND f.active = 1 AND f.status IN ('open', 'confirmed')").pluck().get() as number;
    expect(subjects.reduce((n, s) => n + s.openFindings, 0)).toBe(open);
    expect(subjects.some((s) => s.worstSeverity === 'critical')).toBe(true);
    expect(JSON.stringify(subjects)).not.toMatch(/MRN/i);
    expect(listSubjects(db, 'NOPE')).toEqual([]);
  });

  it('builds a timeline: visits with windows and CTMS dates, charges with visits and findings', () => {
    const pick = db.prepare("SELECT st.study_id AS studyId, su.subject_id AS subjectId, su.id AS pk, su.mrn FROM findings f JOIN subjects su ON su.id = f.subject_id JOIN studies st ON st.id = su.study_id WHERE f.rule = 'RSH-02' LIMIT 1").get() as { studyId: string; subjectId: string; pk: number; mrn: string };
    const timeline = getSubjectTimeline(db, pick.studyId, pick.subjectId);
    if (!timeline) throw new Error('no timeline');
    const subject = demoCsv('subjects.csv').find((s) => s.study_id === pick.studyId && s.subject_id === pick.subjectId);
    expect(timeline).toMatchObject({ studyId: pick.studyId, subjectId: pick.subjectId, consentDate: subject?.consent_date, startDate: subject?.start_date || null });
    const calendarVisits = new Set(demoCsv('calendar.csv').filter((c) => c.study_id === pick.studyId && c.arm === subject?.arm).map((c) => c.visit_code));
    expect(timeline.visits.map((v) => v.visitCode).sort()).toEqual([...calendarVisits].sort());
    for (const visit of timeline.visits) {
      expect(visit.windowFrom !== null && visit.expectedDate !== null && visit.windowFrom <= visit.expectedDate).toBe(true);
      const ctms = demoCsv('visits.csv').find((v) => v.study_id === pick.studyId && v.subject_id === pick.subjectId && v.visit_code === visit.visitCode);
      expect(visit.actualDate).toBe(ctms?.visit_date ?? null);
    }
    // Every charge of the subject's MRN in the period (consent - 30 days .. off-study + 30 days) is on it.
    const from = addDays(timeline.consentDate, -30);
    const to = timeline.offStudyDate === null ? '9999-12-31' : addDays(timeline.offStudyDate, 30);
    const charges = db.prepare('SELECT charge_id FROM charges WHERE mrn = ? AND service_date BETWEEN ? AND ? ORDER BY service_date, id').pluck().all(pick.mrn, from, to);
    expect(timeline.charges.map((c) => c.chargeId)).toEqual(expect.arrayContaining(charges as string[]));
    const flagged = timeline.charges.filter((c) => c.findings.length > 0);
    expect(flagged.some((c) => c.findings.some((f) => f.rule === 'RSH-02'))).toBe(true);
    expect(timeline.charges.filter((c) => c.visitCode !== null).length).toBeGreaterThan(0);
    expect(JSON.stringify(timeline)).not.toContain(pick.mrn);
    expect(getSubjectTimeline(db, pick.studyId, 'no-such-subject')).toBeNull();
  });
});
