/**
 * Writes small, balanced 835 files for denial tests: one transaction, one payer, claims of lines that
 * are paid (CO-45 on what is not) or denied in full by a CAS with remark codes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp-dir.ts';

export interface TestLine {
  readonly chargeId: string;
  readonly code: string;
  readonly modifiers?: string;
  readonly date: string;
  readonly chargeCents: number;
  /** Paid amount (the rest is CO-45); ignored when denied. */
  readonly paidCents?: number;
  readonly deny?: string;
  readonly remarks?: readonly string[];
}

export interface TestClaim {
  readonly account: string;
  readonly icn: string;
  readonly lines: readonly TestLine[];
  readonly frequency?: string;
  /** NM1*QC last and first name, member id. */
  readonly patient?: readonly [string, string, string];
}

export interface TestRemit {
  readonly payer?: string;
  readonly payerId?: string;
  readonly filing?: string;
  readonly production: string;
  readonly claims: readonly TestClaim[];
}

const money = (c: number): string => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

const nm1 = ([last, first, id]: readonly [string, string, string]): string => `NM1*QC*1*${last}*${first}****MI*${id}`;

/** The 835 text. */
export function remitText(r: TestRemit): string {
  const body: string[] = [];
  let paidTotal = 0;
  r.claims.forEach((claim, i) => {
    const charge = claim.lines.reduce((s, l) => s + l.chargeCents, 0);
    const paid = claim.lines.reduce((s, l) => s + (l.deny ? 0 : (l.paidCents ?? l.chargeCents)), 0);
    paidTotal += paid;
    body.push(`LX*${i + 1}`, `CLP*${claim.account}*1*${money(charge)}*${money(paid)}**${r.filing ?? 'MB'}*${claim.icn}*11*${claim.frequency ?? '1'}`, nm1(claim.patient ?? ['TEST', 'PATIENT', '9AA9AA9AA99']));
    for (const l of claim.lines) {
      const linePaid = l.deny ? 0 : (l.paidCents ?? l.chargeCents);
      body.push(`SVC*HC:${l.code}${l.modifiers ? `:${l.modifiers}` : ''}*${money(l.chargeCents)}*${money(linePaid)}**1`, `DTM*472*${l.date.replaceAll('-', '')}`);
      if (l.deny) body.push(`CAS*${l.deny.replace('-', '*')}*${money(l.chargeCents)}`);
      else if (linePaid < l.chargeCents) body.push(`CAS*CO*45*${money(l.chargeCents - linePaid)}`);
      body.push(`REF*6R*${l.chargeId}`);
      for (const code of l.remarks ?? []) body.push(`LQ*HE*${code}`);
    }
  });
  const date = r.production.replaceAll('-', '');
  const header = [
    'ST*835*0001*005010X221A1',
    paidTotal === 0 ? `BPR*H*0*C*NON************${date}` : `BPR*I*${money(paidTotal)}*C*CHK************${date}`,
    `TRN*1*T${date}${r.claims[0]?.icn ?? ''}*1231234567`,
    `DTM*405*${date}`,
    `N1*PR*${r.payer ?? 'MEDICARE PART B MAC'}*XV*${r.payerId ?? '04412'}`,
    'N1*PE*UNIVERSITY CANCER CENTER*XX*1234567893',
  ];
  const segments = [...header, ...body, `SE*${header.length + body.length + 1}*0001`];
  return `${segments.map((s) => `${s}~`).join('\n')}\n`;
}

/** Writes the 835 to a temporary file and returns its path. */
export function writeRemit(r: TestRemit, name = 'test.835'): string {
  const path = join(tempDir('tl-835-'), name);
  writeFileSync(path, remitText(r));
  return path;
}
