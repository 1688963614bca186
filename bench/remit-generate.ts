/**
 * Writes a synthetic, balanced 835 of any size, deterministically (seeded) and streaming to disk, so
 * 100,000 claims never sit in memory. Each transaction holds up to 1,000 claims (as a payer splits a
 * large run into several ST..SE); claims have one to three service lines with DTM*472, REF*6R and
 * AMT*B6; about one line in seventeen is denied (CO-50, CO-16 + MA50/MA130, CO-109, CO-197, CO-29),
 * which makes about 11 % of claims denied, near the industry's initial denial rate [HFMA-TF], and the
 * rest carry contractual CO-45 and, for some, patient coinsurance PR-2. Names are synthetic.
 */
import { prng } from '../scripts/lib/prng.ts';
import { centsToDecimalString } from '../shared/domain/money.ts';
import { BufferedFileWriter } from './lib/buffered-file-writer.ts';


const CODES = ['99213', '99214', '99215', '80053', '85025', '71260', '74177', '93000', '96413', '36415'];
const DENIALS = [
  { cas: 'CO*50', lq: ['N386'] },
  { cas: 'CO*16', lq: ['MA50', 'MA130'] },
  { cas: 'CO*109', lq: ['N104'] },
  { cas: 'CO*197', lq: [] },
  { cas: 'CO*29', lq: [] },
] as const;
const CLAIMS_PER_TRANSACTION = 1_000;
const DENIED_LINE_SHARE = 0.06;

export interface Generate835Options {
  readonly path: string;
  readonly claims: number;
  readonly seed?: number;
}


/** Writes the file; resolves to its segment count. */
export async function generate835(options: Generate835Options): Promise<number> {
  const random = prng(options.seed ?? 835);
  const out = new BufferedFileWriter(options.path);
  let pending: string[] = [];
  let segments = 0;
  const seg = (text: string): void => {
    pending.push(`${text}~\n`);
    segments += 1;
  };
  const flush = async (): Promise<void> => {
    await out.write(pending.join(''));
    pending = [];
  };
  seg('ISA*00*          *00*          *ZZ*BENCHPAYER     *ZZ*BENCHSITE      *250301*1200*^*00501*000000001*0*P*:');
  seg('GS*HP*BENCHPAYER*BENCHSITE*20250301*1200*1*X*005010X221A1');
  let claimNo = 0;
  let transactions = 0;
  while (claimNo < options.claims) {
    transactions += 1;
    const body: string[] = [];
    let paidTotal = 0;
    const count = Math.min(CLAIMS_PER_TRANSACTION, options.claims - claimNo);
    for (let c = 0; c < count; c++) {
      claimNo += 1;
      const lines = 1 + Math.floor(random() * 3);
      const day = 1 + Math.floor(random() * 28);
      const date = `202501${String(day).padStart(2, '0')}`;
      const lineText: string[] = [];
      let charge = 0;
      let paid = 0;
      let patient = 0;
      for (let l = 0; l < lines; l++) {
        const lineCharge = 5_000 + Math.floor(random() * 95_000);
        const code = CODES[Math.floor(random() * CODES.length)] as string;
        lineText.push(`SVC*HC:${code}:Q1*${centsToDecimalString(lineCharge)}*`);
        charge += lineCharge;
        if (random() < DENIED_LINE_SHARE) {
          const denial = DENIALS[Math.floor(random() * DENIALS.length)] as (typeof DENIALS)[number];
          lineText[lineText.length - 1] += `0**1~\nDTM*472*${date}~\nCAS*${denial.cas}*${centsToDecimalString(lineCharge)}~\nREF*6R*BCHG${claimNo}-${l + 1}`;
          for (const code of denial.lq) lineText[lineText.length - 1] += `~\nLQ*HE*${code}`;
          continue;
        }
        const contractual = Math.floor(lineCharge * 0.3);
        const coins = random() < 0.4 ? Math.floor(lineCharge * 0.1) : 0;
        const linePaid = lineCharge - contractual - coins;
        paid += linePaid;
        patient += coins;
        let text = `${centsToDecimalString(linePaid)}**1~\nDTM*472*${date}~\nCAS*CO*45*${centsToDecimalString(contractual)}`;
        if (coins > 0) text += `~\nCAS*PR*2*${centsToDecimalString(coins)}`;
        text += `~\nREF*6R*BCHG${claimNo}-${l + 1}~\nAMT*B6*${centsToDecimalString(linePaid + coins)}`;
        lineText[lineText.length - 1] += text;
      }
      paidTotal += paid;
      body.push(`CLP*ACCT${String(claimNo).padStart(8, '0')}*1*${centsToDecimalString(charge)}*${centsToDecimalString(paid)}*${patient > 0 ? centsToDecimalString(patient) : ''}*MB*ICN${claimNo}*11*1`);
      body.push(`NM1*QC*1*PATIENT${claimNo % 9_973}*TEST****MI*${String(100_000_000 + claimNo)}A`);
      body.push(`DTM*232*${date}`, `DTM*233*${date}`);
      for (const line of lineText) body.push(...line.split('~\n'));
    }
    const st = [
      `ST*835*${String(transactions).padStart(4, '0')}*005010X221A1`,
      `BPR*I*${centsToDecimalString(paidTotal)}*C*ACH*CCP*01*011000015*DA*12345678*1231234567**01*021000021*DA*87654321*20250301`,
      `TRN*1*EFT${transactions}*1231234567`,
      'DTM*405*20250228',
      'N1*PR*BENCH MEDICARE MAC',
      'N4*ANYTOWN*PA*19101',
      'REF*2U*04412',
      'N1*PE*BENCH CANCER CENTER*XX*1234567893',
      'LX*1',
    ];
    for (const s of st) seg(s);
    for (const s of body) seg(s);
    seg(`SE*${st.length + body.length + 1}*${String(transactions).padStart(4, '0')}`);
    await flush();
  }
  seg(`GE*${transactions}*1`);
  seg('IEA*1*000000001');
  await flush();
  await out.close();
  return segments;
}
