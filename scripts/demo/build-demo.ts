/**
 * Builds the demo study package and its expected findings, in memory, deterministically: the same
 * seed gives the same bytes on every machine. `writeDemo` puts the files on disk; the CLI is
 * scripts/demo/generate-demo.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FILE_SPECS, PACKAGE_FILE_KINDS } from '../../shared/package-spec/files.ts';
import { ordinaryCareOfSubjects, otherPatients, screeningOnlyCharges } from './background.ts';
import { ChargeBook, type ChargeDraft } from './charge-book.ts';
import { injectChargeChanges } from './inject-charges.ts';
import { duplicatedLines, freeItemsCharged, missingApprovals, offStudyResearchCharges, outOfWindow, uninvoicedVisits } from './inject-records.ts';
import type { InjectionContext } from './injection-context.ts';
import { canonicalFinding, type ChargeRow, type DemoPackage, type Finding, type PackageRows, type RuleId } from './model.ts';
import { fromCsv, toCsv } from './package-csv.ts';
import { makeEnrolments, makeVisits, MrnPool } from './population.ts';
import { Prng } from './prng.ts';
import { demoReadme } from './readme.ts';
import { referenceFindings } from './reference-rules.ts';
import { HFREG } from './studies/hfreg.ts';
import { NSCLC } from './studies/nsclc.ts';
import type { StudyDef } from './studies/study-def.ts';
import { invoiceableLines } from './study-invoices.ts';
import { assertDisjointWindows, assertRoundTrip, assertRuleCounts, assertSameFindings, declaredFindings } from './verify-demo.ts';
import { billVisits } from './visit-charges.ts';
import { TMVR } from './studies/tmvr.ts';

/** Change the seed and every file changes; keep it fixed so the committed demo stays reproducible. */
export const DEMO_SEED = 20_250_611;
export const STUDY_DEFS: readonly StudyDef[] = [NSCLC, TMVR, HFREG];
/** Patients in no study whose charges are in the export. */
const OTHER_PATIENTS = 70;

export interface DemoBuild {
  /** File name -> content, for assets/demo (the eight CSV files and README.md). */
  readonly files: ReadonlyMap<string, string>;
  /** Content of tests/fixtures/demo-expected-findings.json. */
  readonly findingsJson: string;
  readonly findings: readonly Finding[];
  readonly pkg: DemoPackage;
  readonly ruleCounts: ReadonlyMap<RuleId, number>;
}

/** Orders the export by service date (ties at random) and assigns increasing charge ids with gaps, as a billing system would. */
function orderCharges(drafts: ChargeDraft[], rng: Prng): ChargeRow[] {
  const sorted = [...drafts].sort((a, b) => (a.row.service_date < b.row.service_date ? -1 : a.row.service_date > b.row.service_date ? 1 : a.sortKey - b.sortKey));
  let n = rng.int(4_100_000, 4_200_000);
  for (const d of sorted) {
    n += rng.int(1, 29);
    d.row = { ...d.row, charge_id: `CHG${n}` };
  }
  return sorted.map((d) => d.row);
}

/** JSON with one finding per line: valid JSON that diffs line by line. */
function findingsText(findings: readonly Finding[]): string {
  return `[\n${findings.map((f) => `  ${JSON.stringify(canonicalFinding(f))}`).join(',\n')}\n]\n`;
}

export function buildDemo(): DemoBuild {
  const root = new Prng(DEMO_SEED);
  for (const def of STUDY_DEFS) assertDisjointWindows(def.calendar);
  const mrns = new MrnPool(root.fork('mrn'));
  const enrolments = STUDY_DEFS.flatMap((def) => makeEnrolments(def, root.fork(`subjects:${def.study.study_id}`), mrns));
  const visitRng = root.fork('visits');
  const visits = enrolments.flatMap((e) => makeVisits(e, visitRng));

  const book = new ChargeBook(root.fork('charges'));
  const billed = billVisits(book, visits, root.fork('billing'));
  screeningOnlyCharges(book, root.fork('screening'), enrolments);
  ordinaryCareOfSubjects(book, root.fork('ordinary'), enrolments);
  const otherMrns = otherPatients(book, root.fork('others'), mrns, OTHER_PATIENTS);
  const invoiceRng = root.fork('invoiceables');

  const ctx: InjectionContext = {
    rng: root.fork('injections'),
    book,
    invoices: [...billed.invoices, ...STUDY_DEFS.flatMap((def) => invoiceableLines(def, enrolments, invoiceRng))],
    approvals: billed.approvals,
    visits,
    enrolments,
    otherMrns,
    recordFindings: [],
    planted: new Map(),
  };
  uninvoicedVisits(ctx);
  missingApprovals(ctx);
  injectChargeChanges(ctx);
  freeItemsCharged(ctx);
  outOfWindow(ctx);
  offStudyResearchCharges(ctx);
  duplicatedLines(ctx);

  const pkg: DemoPackage = {
    studies: STUDY_DEFS.map((d) => d.study),
    calendar: STUDY_DEFS.flatMap((d) => d.calendar),
    invoiceables: STUDY_DEFS.flatMap((d) => d.invoiceables),
    subjects: enrolments.map((e) => e.row),
    visits: visits.map((v) => v.row),
    approvals: ctx.approvals,
    invoices: ctx.invoices,
    charges: orderCharges(book.drafts, root.fork('charge-ids')),
  };
  const csv = new Map<string, string>();
  const readBack = {} as Record<string, unknown>;
  for (const kind of PACKAGE_FILE_KINDS) {
    const text = toCsv(kind, pkg[kind] as PackageRows[typeof kind]);
    csv.set(FILE_SPECS[kind].fileName, text);
    readBack[kind] = fromCsv(kind, text);
  }
  const parsed = readBack as unknown as DemoPackage;
  assertRoundTrip(pkg, parsed);

  // The oracle sees only what the files say, exactly as the app will after importing them.
  const findings = referenceFindings(parsed);
  assertSameFindings(findings, declaredFindings(book.drafts, ctx.recordFindings, STUDY_DEFS));
  const ruleCounts = assertRuleCounts(findings);
  const files = new Map(csv);
  files.set('README.md', demoReadme(pkg, ruleCounts, ctx.planted));
  return { files, findingsJson: findingsText(findings), findings, pkg, ruleCounts };
}

/** Writes the package into `outDir` and the expected findings to `findingsPath`. */
export function writeDemo(outDir: string, findingsPath: string): DemoBuild {
  const demo = buildDemo();
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of demo.files) writeFileSync(join(outDir, name), text);
  mkdirSync(dirname(findingsPath), { recursive: true });
  writeFileSync(findingsPath, demo.findingsJson);
  return demo;
}
