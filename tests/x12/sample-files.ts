/** Where the 835 test inputs live: the public samples beside the checkout, and our own fixtures. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse835Text, type Parsed835 } from '../../shared/x12/parse-835.ts';
import type { Claim835, Remittance835 } from '../../shared/x12/model.ts';

/** CI checks out shared/ beside the project (see shared/samples/README.md). */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../shared/samples/x12-835/', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/x12/', import.meta.url));

export const SAMPLE_FILES = [
  'linuxforhealth/cob-contractural-adjustment.835',
  'linuxforhealth/managed-care.835',
  'linuxforhealth/medicare-part-a.835',
  'linuxforhealth/secondary-payment.835',
  'linuxforhealth/tertiary-payment.835',
  'pyx12/835_mult_loops.835',
  'tastypackets/profee.835',
  'tastypackets/profee-one-line.835',
  'tastypackets/multi-line-not-delimited.835',
  'tastypackets/profee-multiple.835',
] as const;

export const samplePath = (name: string): string => SAMPLES_DIR + name;
export const fixturePath = (name: string): string => FIXTURES_DIR + name;
export const readSample = (name: string): string => readFileSync(samplePath(name), 'latin1');
export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'latin1');
export const parseSample = (name: string): Parsed835 => parse835Text(readSample(name));
export const parseFixture = (name: string): Parsed835 => parse835Text(readFixture(name));

/** The only transaction of a parsed file (fails the test when there is not exactly one). */
export function onlyTransaction(parsed: Parsed835): Remittance835 {
  if (parsed.transactions.length !== 1) throw new Error(`expected 1 transaction, found ${parsed.transactions.length}`);
  return parsed.transactions[0] as Remittance835;
}

export function claimAt(tx: Remittance835, seq: number): Claim835 {
  const claim = tx.claims[seq - 1];
  if (!claim) throw new Error(`no claim ${seq}`);
  return claim;
}

/** Adjustments as compact `GROUP-REASON:cents` strings, easy to compare with the file text. */
export const cas = (adjustments: readonly { groupCode: string; reasonCode: string; amountCents: number }[]): string[] =>
  adjustments.map((a) => `${a.groupCode}-${a.reasonCode}:${a.amountCents}`);
