/**
 * assets/demo/README.md, generated with the package so its counts can never go stale (the demo test
 * compares it byte for byte like the CSV files).
 */
import { FILE_SPECS, PACKAGE_FILE_KINDS } from '../../shared/package-spec/files.ts';
import type { DemoPackage, RuleId } from './model.ts';

const RULE_TEXT: Record<RuleId, string> = {
  'QCT-01': 'Non-qualifying study, yet a claim of its subject carries Q0/Q1 or Z00.6',
  'RSH-02': 'Sponsor-paid (research) item billed to insurance or the patient',
  'DBL-03': 'Service on a sponsor invoice and also billed to insurance or the patient',
  'ICF-04': 'Item the consent form promises free billed to insurance or the patient',
  'FREE-05': 'Item supplied free (study drug, study device) charged at all',
  'MOD-08': 'Outpatient Medicare trial line without Q1 (routine) or Q0 (investigational)',
  'DX-09': 'Medicare trial line without Z00.6',
  'CC-10': 'Institutional Medicare trial claim without condition code 30',
  'NCT-11': 'Medicare trial line without the study\'s NCT digits (blank, 99999999, other study, typo)',
  'IDE-12': 'Device-study Medicare line without the study\'s IDE number',
  'MA-13': 'Medicare Advantage enrollee of a drug trial: routine cost billed to the MA plan, not Original Medicare',
  'ALIGN-15': 'Billing grid vs budget/consent: SOC row with a price, sponsor row without one, promised-free conditional row',
  'WIN-18': 'Calendar procedure done outside every visit window',
  'INVC-20': 'Sponsor-paid item of a completed visit never invoiced',
  'ENR-26': 'Charge on a study account outside the study period, or for a patient in no study',
  'PRE-27': 'Optional procedure done without the sponsor approval on file',
  'DUP-28': 'Charge line exported again under a new charge id',
  'SOC-29': 'Routine item with no sponsor price charged to the study account',
};

export function demoReadme(pkg: DemoPackage, ruleCounts: ReadonlyMap<RuleId, number>, planted: ReadonlyMap<string, number>): string {
  const total = [...ruleCounts.values()].reduce((a, b) => a + b, 0);
  const fileRows = PACKAGE_FILE_KINDS.map((kind) => `| ${FILE_SPECS[kind].fileName} | ${(pkg[kind] as readonly unknown[]).length} |`);
  const ruleRows = [...ruleCounts.entries()].map(([rule, n]) => `| ${rule} | ${n} | ${RULE_TEXT[rule]} |`);
  const plantedRows = [...planted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([kind, n]) => `| ${kind} | ${n} |`);
  const studyRows = pkg.studies.map((s) => {
    const subjects = pkg.subjects.filter((x) => x.study_id === s.study_id).length;
    return `| ${s.study_id} | ${s.qualifying_trial ? 'yes' : 'no'} | ${s.ide_number ?? ''} | ${subjects} | ${s.title} |`;
  });
  return `# Demo study package

Synthetic data for trying TrialLedger and for testing its compliance engine. Everything here is
fictional: the studies, sponsors, drugs, devices, NCT and IDE numbers (NCT099...... numbers are not
registered trials), subjects and MRNs. Patients are identified only by made-up MRNs such as
MRN100001; there are no names. Sponsor invoices carry subject numbers only, never an MRN.

Do not edit these files by hand. Regenerate them (and \`tests/fixtures/demo-expected-findings.json\`)
from the repository root with:

    export PATH="$PWD/.tools/node_modules/.bin:$PATH"
    node scripts/demo/generate-demo.ts

The generator is deterministic (fixed seed, no clock): the same code gives the same bytes, and
\`tests/demo/demo-package.test.ts\` fails when the committed files are stale.

## Studies

| study | qualifying trial | IDE | subjects | title |
|---|---|---|---|---|
${studyRows.join('\n')}

- NSCLC-301: NCI-funded cooperative-group phase III drug trial, two arms (A: chemotherapy + the
  investigational antibody, supplied free; B: chemotherapy). Routine care billed with Q1, the
  investigational administration with Q0, Z00.6, condition code 30 and the NCT digits; Medicare
  Advantage enrollees' routine costs go to Original Medicare.
- TMVR-22: Category B IDE pivotal device study (IDE G123456), single arm. Implant billed with Q0 on
  an inpatient stay; the device itself is supplied free; every trial claim carries the IDE number;
  Medicare Advantage enrollees are billed to their MA plan.
- HFREG-01: observational registry, not a qualifying trial: routine care is billed as if the
  patient were not enrolled (no Q0/Q1, no Z00.6, no trial number); registry-only tests go to the
  study account.

Subjects include screen failures, subjects still screening, enrolled and off-study subjects; payers
are Medicare, Medicare Advantage, commercial, Medicaid and self-pay. The charge export covers
calendar year 2025 (data cut 2025-12-31) and also holds ordinary care of enrolled patients before
consent, after going off study and (with codes not on their calendar) while on study, plus the
charges of patients in no study. All of those are clean.

## Files

| file | rows |
|---|---|
${fileRows.join('\n')}

## Problems planted

Most charges are clean. The generator plants these problems at random positions:

| injection | count |
|---|---|
${plantedRows.join('\n')}

Some injections fire more than one rule on purpose (a free research test billed to insurance and also
invoiced fires RSH-02, ICF-04 and DBL-03). The rules produce ${total} findings in all:

| rule | findings | what |
|---|---|---|
${ruleRows.join('\n')}

The exact findings are in \`tests/fixtures/demo-expected-findings.json\`, computed by the reference
implementation \`scripts/demo/reference-rules.ts\` (its header lists every interpretation of the
rules) and checked by the generator against what each injection declared.
`;
}
