/**
 * Value maps: the export's own codes for enumerated fields (a financial class `MCR`, a route `RSH`)
 * translated to the package values. The wizard lists the distinct values seen in the preview rows
 * and pre-fills a guess for each; the coordinator confirms or corrects them.
 */
import { FILE_SPECS } from '../../../../../shared/package-spec/files.ts';
import { compactName } from './auto-match.ts';

/** The enumerated charges.csv fields a value map applies to, with their allowed values. */
export const ENUM_FIELDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  FILE_SPECS.charges.columns.flatMap((c) => (c.kind.type === 'enum' ? [[c.name, c.kind.values] as const] : [])),
);

/** Codes that exports use for each package value (compacted), beyond the value's own name. */
const VALUE_SYNONYMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  payer_type: {
    MEDICARE: ['mcr', 'mc', 'medicarea', 'medicareb', 'medicarepartb', 'medicareffs', 'ffs'],
    MEDICARE_ADVANTAGE: ['ma', 'mcradv', 'mcra', 'mapd', 'medicareadv', 'medicarehmo', 'mcrhmo', 'mcrmc', 'medicaremanaged'],
    MEDICAID: ['mcd', 'mcaid', 'mdcd', 'medi'],
    COMMERCIAL: ['com', 'comm', 'comml', 'bcbs', 'hmo', 'ppo', 'managedcare', 'commercialins'],
    SELF_PAY: ['sp', 'self', 'selfpay', 'uninsured', 'cash'],
  },
  bill_to: {
    INSURANCE: ['ins', 'insur', 'payer', 'payor', 'third', 'thirdparty'],
    STUDY: ['rsh', 'res', 'research', 'sponsor', 'trial', 'grant', 'studyaccount'],
    PATIENT: ['pt', 'pat', 'self', 'guarantor'],
  },
  setting: { OUTPATIENT: ['o', 'op', 'out', 'opt', 'hov', 'clinic'], INPATIENT: ['i', 'ip', 'inp', 'in', 'adm'] },
  claim_type: { PROFESSIONAL: ['p', 'pb', 'pro', 'prof', '837p', '1500', 'cms1500'], INSTITUTIONAL: ['i', 'hb', 'inst', 'fac', 'facility', '837i', 'ub', 'ub04'] },
};

/** Whether the importer would take `value` as it is (the same rule as the enum cell parser). */
export function isCanonical(field: string, value: string): boolean {
  const allowed = ENUM_FIELDS[field] ?? [];
  return allowed.includes(value) || allowed.includes(value.trim().toUpperCase().replace(/[\s-]+/g, '_'));
}

/** A likely package value for an export code, or '' when there is no confident guess. */
export function guessValue(field: string, value: string): string {
  const allowed = ENUM_FIELDS[field] ?? [];
  const code = compactName(value);
  if (code === '') return '';
  const byName = allowed.find((a) => compactName(a) === code);
  if (byName) return byName;
  const synonyms = VALUE_SYNONYMS[field] ?? {};
  const bySynonym = allowed.find((a) => (synonyms[a] ?? []).includes(code));
  if (bySynonym) return bySynonym;
  // A unique prefix (`COMMERC` -> COMMERCIAL), but not a one-letter one (`M` could be three payers).
  const byPrefix = code.length >= 3 ? allowed.filter((a) => compactName(a).startsWith(code)) : [];
  return byPrefix.length === 1 ? (byPrefix[0] as string) : '';
}

/** The distinct non-blank values of one column in the preview rows, first-seen order, case-insensitively unique. */
export function distinctValues(rows: readonly (readonly string[])[], columnIndex: number, limit = 50): string[] {
  const seen = new Set<string>();
  const values: string[] = [];
  for (const row of rows) {
    const value = (row[columnIndex] ?? '').trim();
    const key = value.toLowerCase();
    if (value === '' || seen.has(key)) continue;
    seen.add(key);
    values.push(value);
    if (values.length >= limit) break;
  }
  return values;
}

/**
 * The value map to show for a field: every value seen that the importer would not take as it is,
 * mapped as before (a saved profile) or to a guess; earlier entries for values not seen are kept so a
 * profile never loses what it knew.
 */
export function buildValueMap(field: string, seen: readonly string[], existing: Readonly<Record<string, string>> = {}): Record<string, string> {
  const map: Record<string, string> = { ...existing };
  const known = new Set(Object.keys(existing).map((k) => k.toLowerCase()));
  for (const value of seen) {
    if (known.has(value.toLowerCase()) || isCanonical(field, value)) continue;
    map[value] = guessValue(field, value);
    known.add(value.toLowerCase());
  }
  return map;
}
