/**
 * The demo-linked remittance: an 835 whose REF*6R line control numbers are charge ids of the demo
 * package (assets/demo/charges.csv), so that linking, the engine's facts and triage work on the demo
 * in the app, the e2e tests and the screenshots. Written, byte for byte, to
 * tests/fixtures/x12/demo-linked.835 and assets/samples/demo-remittance.835 by
 * `node tests/denials/write-demo-remit.ts`; tests/denials/demo-remit.test.ts keeps both current.
 *
 * Four payers (one ST each): the Medicare MAC, two commercial plans and a Medicare Advantage plan.
 * The denials cover every research-aware rule: a routine cost denied CO-50 (NCD 310.1) and CO-55 by
 * a commercial plan (PHSA 2709), CO-16 + MA50 + MA130 for a missing NCT number and for a missing IDE,
 * CO-50 on a sponsor item, CO-109 from the MA plan for a drug-trial routine cost, conventional care
 * of a non-qualifying registry, timely filing and authorization; plus paid claims and a reversal with
 * its corrected claim. Patient names are synthetic (DEMO, PATIENT A...).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

export const DEMO_REMIT_PATHS = [join(import.meta.dirname, '..', 'fixtures', 'x12', 'demo-linked.835'), join(import.meta.dirname, '..', '..', 'assets', 'samples', 'demo-remittance.835')];

interface DemoCharge {
  charge_id: string;
  account_id: string;
  service_date: string;
  cpt_hcpcs: string;
  modifiers: string;
  units: string;
  charge_amount: string;
  revenue_code: string;
  claim_type: string;
}

/** A line: paid (80 %, CO-45 on the rest) or denied in full by `cas` with remark codes. */
interface LineSpec {
  readonly chargeId: string;
  readonly deny?: { readonly cas: string; readonly remarks?: readonly string[] };
}

interface ClaimSpec {
  readonly icn: string;
  readonly lines: readonly LineSpec[];
  readonly patient: readonly [last: string, first: string, memberId: string];
  /** 22 for a reversal of the claim with the same ICN. */
  readonly status?: '1' | '22';
  readonly frequency?: '1' | '7';
}

interface TransactionSpec {
  readonly payer: { readonly name: string; readonly id: string };
  readonly filing: string;
  readonly production: string;
  readonly trace: string;
  readonly claims: readonly ClaimSpec[];
}

const PT = (letter: string, memberId: string): readonly [string, string, string] => ['DEMO', `PATIENT ${letter}`, memberId];

/** Claims paid in full (80 %, CO-45 on the rest), one per list of charge ids. */
const paid = (icnPrefix: string, letter: string, claims: readonly (readonly string[])[]): ClaimSpec[] =>
  claims.map((ids, i) => ({ icn: `${icnPrefix}${String(i + 1).padStart(2, '0')}`, patient: PT(`${letter}${i + 1}`, `${letter}${String(700_000_001 + i)}`), lines: ids.map((chargeId) => ({ chargeId })) }));

export const DEMO_TRANSACTIONS: readonly TransactionSpec[] = [
  {
    payer: { name: 'NOVITAS SOLUTIONS MEDICARE PART B', id: '12502' },
    filing: 'MB',
    production: '20251201',
    trace: 'EFT25120101',
    claims: [
      { icn: '2533500010101', patient: PT('A', '1EG4TE5MK71'), lines: [{ chargeId: 'CHG4170632' }, { chargeId: 'CHG4170774', deny: { cas: 'CO*50', remarks: ['N386'] } }] },
      { icn: '2533500010102', patient: PT('A', '1EG4TE5MK71'), lines: [{ chargeId: 'CHG4170689' }, { chargeId: 'CHG4170722' }, { chargeId: 'CHG4170595' }] },
      { icn: '2533500010103', patient: PT('B', '2EG4TE5MK72'), lines: [{ chargeId: 'CHG4195672', deny: { cas: 'CO*16', remarks: ['MA50', 'MA130'] } }] },
      { icn: '2533500010104', patient: PT('C', '3EG4TE5MK73'), lines: [{ chargeId: 'CHG4180445', deny: { cas: 'CO*16', remarks: ['MA50', 'MA130'] } }] },
      { icn: '2533500010105', patient: PT('D', '4EG4TE5MK74'), lines: [{ chargeId: 'CHG4201676' }, { chargeId: 'CHG4201697', deny: { cas: 'CO*50' } }] },
      { icn: '2533500010106', patient: PT('E', '5EG4TE5MK75'), lines: [{ chargeId: 'CHG4173363', deny: { cas: 'CO*50', remarks: ['N386'] } }] },
      { icn: '2533500010107', patient: PT('F', '6EG4TE5MK76'), lines: [{ chargeId: 'CHG4171655', deny: { cas: 'CO*50' } }, { chargeId: 'CHG4171665', deny: { cas: 'CO*29' } }] },
      { icn: '2533500010108', patient: PT('A', '1EG4TE5MK71'), lines: [{ chargeId: 'CHG4170883' }, { chargeId: 'CHG4170922' }] },
      { icn: '2533500010108', patient: PT('A', '1EG4TE5MK71'), status: '22', lines: [{ chargeId: 'CHG4170883' }, { chargeId: 'CHG4170922' }] },
      { icn: '2533500010109', patient: PT('A', '1EG4TE5MK71'), frequency: '7', lines: [{ chargeId: 'CHG4170883' }, { chargeId: 'CHG4170922' }] },
      ...paid('25335000102', 'K', [['CHG4169587', 'CHG4169658'], ['CHG4169725', 'CHG4169826'], ['CHG4169828', 'CHG4169855', 'CHG4169916'], ['CHG4170101', 'CHG4170126'], ['CHG4170155', 'CHG4170178'], ['CHG4170185', 'CHG4170324']]),
    ],
  },
  {
    payer: { name: 'UNITEDHEALTHCARE', id: '87726' },
    filing: 'CI',
    production: '20251203',
    trace: 'EFT25120301',
    claims: [
      { icn: 'UHC5120300017', patient: PT('G', 'U8812345601'), lines: [{ chargeId: 'CHG4174015' }, { chargeId: 'CHG4174272', deny: { cas: 'CO*55', remarks: ['N130'] } }] },
      ...paid('UHC51203001', 'L', [['CHG4172274', 'CHG4172275', 'CHG4172335'], ['CHG4173081', 'CHG4173111', 'CHG4173196']]),
    ],
  },
  {
    payer: { name: 'AETNA', id: '60054' },
    filing: 'CI',
    production: '20251205',
    trace: 'CHK25120501',
    claims: [
      { icn: 'AET5120500042', patient: PT('H', 'W771234501'), lines: [{ chargeId: 'CHG4183068', deny: { cas: 'CO*197' } }] },
      ...paid('AET51205000', 'M', [['CHG4172472', 'CHG4172493'], ['CHG4179997', 'CHG4180013', 'CHG4180050']]),
    ],
  },
  {
    payer: { name: 'UNITEDHEALTHCARE MEDICARE ADVANTAGE', id: '87727' },
    filing: '16',
    production: '20251210',
    trace: 'NOPAY25121001',
    claims: [{ icn: 'UMA5121000007', patient: PT('J', 'M990012301'), lines: [{ chargeId: 'CHG4226337', deny: { cas: 'CO*109' } }] }],
  },
];

const cents = (amount: string): number => Math.round(Number(amount) * 100);
const money = (c: number): string => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;

/** Reads the demo charges the remittance refers to. */
function demoCharges(): Map<string, DemoCharge> {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'demo', 'charges.csv'), 'utf8');
  const rows = Papa.parse<DemoCharge>(text, { header: true, skipEmptyLines: true }).data;
  return new Map(rows.map((r) => [r.charge_id, r]));
}

function claimSegments(spec: ClaimSpec, filing: string, charges: Map<string, DemoCharge>): { segments: string[]; paid: number } {
  const sign = spec.status === '22' ? -1 : 1;
  const lines = spec.lines.map((l) => {
    const c = charges.get(l.chargeId);
    if (!c) throw new Error(`demo charge ${l.chargeId} not found`);
    const charge = cents(c.charge_amount);
    const paid = l.deny ? 0 : Math.round(charge * 0.8);
    return { spec: l, c, charge, paid };
  });
  const first = lines[0]?.c as DemoCharge;
  const date = first.service_date.replaceAll('-', '');
  const total = lines.reduce((s, l) => s + l.charge, 0);
  const paid = lines.reduce((s, l) => s + l.paid, 0);
  const [last, firstName, memberId] = spec.patient;
  const segments = [
    `CLP*${first.account_id}*${spec.status ?? '1'}*${money(sign * total)}*${money(sign * paid)}**${filing}*${spec.icn}*${first.claim_type === 'INSTITUTIONAL' ? '13' : '11'}*${spec.frequency ?? '1'}`,
    `NM1*QC*1*${last}*${firstName}****MI*${memberId}`,
    `DTM*232*${date}`,
    `DTM*233*${date}`,
  ];
  for (const l of lines) {
    const code = ['HC', l.c.cpt_hcpcs, ...(l.c.modifiers === '' ? [] : l.c.modifiers.split(';'))].join(':');
    segments.push(`SVC*${code}*${money(sign * l.charge)}*${money(sign * l.paid)}*${l.c.revenue_code}*${sign * Number(l.c.units)}`, `DTM*472*${l.c.service_date.replaceAll('-', '')}`);
    segments.push(l.spec.deny ? `CAS*${l.spec.deny.cas}*${money(sign * l.charge)}` : `CAS*CO*45*${money(sign * (l.charge - l.paid))}`);
    segments.push(`REF*6R*${l.c.charge_id}`);
    if (!l.spec.deny) segments.push(`AMT*B6*${money(sign * l.paid)}`);
    for (const code of l.spec.deny?.remarks ?? []) segments.push(`LQ*HE*${code}`);
  }
  return { segments, paid: sign * paid };
}

/** The demo remittance as 835 text (one segment a line). */
export function buildDemoRemit(): string {
  const charges = demoCharges();
  const out: string[] = [
    'ISA*00*          *00*          *ZZ*DEMOPAYERS     *ZZ*DEMOSITE       *251210*0900*^*00501*000005101*0*T*:',
    `GS*HP*DEMOPAYERS*DEMOSITE*20251210*0900*5101*X*005010X221A1`,
  ];
  DEMO_TRANSACTIONS.forEach((tx, i) => {
    const control = String(i + 1).padStart(4, '0');
    const body: string[] = [];
    let paid = 0;
    tx.claims.forEach((claim, n) => {
      const built = claimSegments(claim, tx.filing, charges);
      body.push(`LX*${n + 1}`, ...built.segments);
      paid += built.paid;
    });
    const header = [
      `ST*835*${control}*005010X221A1`,
      paid === 0 ? `BPR*H*0*C*NON************${tx.production}` : `BPR*I*${money(paid)}*C*ACH*CCP*01*011000015*DA*12345678*1231234567**01*021000021*DA*87654321*${tx.production}`,
      `TRN*1*${tx.trace}*1231234567`,
      `DTM*405*${tx.production}`,
      `N1*PR*${tx.payer.name}*XV*${tx.payer.id}`,
      'N3*PO BOX 4400',
      'N4*HARRISBURG*PA*17111',
      'PER*BL*PROVIDER APPEALS*TE*8005550199',
      'N1*PE*RIDGEVIEW CANCER AND HEART INSTITUTE*XX*1234567893',
      'N3*1200 RIDGEVIEW PARKWAY',
      'N4*COLUMBUS*OH*43215',
      'REF*TJ*311234567',
    ];
    out.push(...header, ...body, `SE*${header.length + body.length + 1}*${control}`);
  });
  out.push(`GE*${DEMO_TRANSACTIONS.length}*5101`, 'IEA*1*000005101');
  return `${out.map((s) => `${s}~`).join('\n')}\n`;
}
