/**
 * 0080: a denial the payer itself replaced. When a payer reverses a claim (CLP02 22) and reprocesses
 * it, its earlier decision on the reversed claim no longer stands: the correction's own outcome does
 * (paid, or denied again as a repeat denial). An open denial of the reversed claim is then marked
 * superseded (the date of the reprocessing remittance and the correcting claim) instead of staying
 * in the queue next to the new one with a conflicting action. It is not "resolved": no money came
 * back and the service may still be denied, so resolution metrics leave it out.
 */
import type { Migration } from '../migrate.ts';

export const denialSuperseded: Migration = {
  version: 80,
  name: 'denial-superseded',
  sql: `
ALTER TABLE denials ADD COLUMN superseded_date TEXT;
ALTER TABLE denials ADD COLUMN superseded_by_claim_id INTEGER REFERENCES remit_claims(id);
`,
};
