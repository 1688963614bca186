/**
 * Pre-fills the column mapping by matching an export's headers to charges.csv fields: the field's
 * own name first, then the names hospital billing systems commonly use (Epic, Cerner, Meditech
 * exports), then a header containing one of them. Each header feeds at most one field.
 */
import { CHARGE_FIELDS } from '../../../../../shared/package-spec/mapping.ts';

/** Lower-case letters and digits only: `Svc. Date` and `svc_date` compare equal. */
export function compactName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Other names of each field in the exports we have seen (compacted). */
export const FIELD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  charge_id: ['transactionid', 'txnid', 'chargeline', 'chargelineid', 'lineid', 'chargenumber', 'transactionnumber', 'txn'],
  account_id: ['har', 'account', 'accountnumber', 'accountno', 'acct', 'acctno', 'hospitalaccount', 'harid', 'encounternumber'],
  mrn: ['medicalrecordnumber', 'medrecno', 'medicalrecord', 'mrnumber', 'patientmrn'],
  service_date: ['dateofservice', 'dos', 'svcdate', 'servicedt', 'svcdt', 'fromdate'],
  cpt_hcpcs: ['cpt', 'hcpcs', 'cptcode', 'hcpcscode', 'procedurecode', 'proccode', 'cpt4'],
  modifiers: ['modifier', 'mods', 'mod', 'cptmodifiers'],
  units: ['qty', 'quantity', 'unit', 'serviceunits'],
  charge_amount: ['amount', 'charge', 'charges', 'chargeamt', 'amt', 'totalcharge', 'totalcharges'],
  revenue_code: ['revcode', 'rev', 'revenue', 'ubrevcode'],
  dx_codes: ['dx', 'diagnosis', 'diagnoses', 'diagnosiscodes', 'icd10', 'icd10codes', 'icdcodes'],
  bill_to: ['route', 'routing', 'billroute', 'billingroute', 'responsibleparty'],
  payer_name: ['payer', 'payor', 'payorname', 'insurance', 'insurancename', 'plan', 'planname'],
  payer_type: ['financialclass', 'finclass', 'fc', 'payorclass', 'payerclass', 'payortype', 'payercategory'],
  claim_type: ['claimform', 'formtype', 'billtype', 'claimtyp'],
  setting: ['patientclass', 'ptclass', 'patienttype', 'encountertype', 'ipop'],
  nct_on_claim: ['nct', 'nctnumber', 'clinicaltrial', 'clinicaltrialnumber', 'trialnumber'],
  ide_on_claim: ['ide', 'idenumber'],
  condition_codes: ['conditioncode', 'condcodes', 'condcode', 'conditions'],
};

/** How well `header` names `field`: 3 its own name, 2 a synonym, 1 contains a long synonym, 0 no match. */
export function matchScore(field: string, header: string): number {
  const h = compactName(header);
  if (h === '') return 0;
  if (h === compactName(field)) return 3;
  const synonyms = FIELD_SYNONYMS[field] ?? [];
  if (synonyms.includes(h)) return 2;
  if ([compactName(field), ...synonyms].some((s) => s.length >= 4 && h.includes(s))) return 1;
  return 0;
}

/** Field -> header for every field some header matches; best scores win, ties go to field order. */
export function autoMatchColumns(header: readonly string[]): Record<string, string> {
  const candidates: { field: string; header: string; score: number; order: number }[] = [];
  CHARGE_FIELDS.forEach((field, order) => {
    for (const h of header) {
      const score = matchScore(field, h);
      if (score > 0) candidates.push({ field, header: h, score, order });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const result: Record<string, string> = {};
  const usedHeaders = new Set<string>();
  for (const c of candidates) {
    if (result[c.field] !== undefined || usedHeaders.has(c.header)) continue;
    result[c.field] = c.header;
    usedHeaders.add(c.header);
  }
  return result;
}
