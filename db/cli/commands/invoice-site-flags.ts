/** The site-settings flags shared by `trialledger invoice` and `trialledger closeout`. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { SiteSettings } from '../../../shared/invoicing/report-types.ts';
import { updateSiteSettings } from '../../invoicing/site-settings.ts';

/** util.parseArgs options of the site flags. */
export const SITE_OPTIONS = {
  'site-name': { type: 'string' },
  'site-number': { type: 'string' },
  'site-address': { type: 'string', multiple: true },
  'site-tax-id': { type: 'string' },
  'site-contact': { type: 'string' },
  'remit-to': { type: 'string', multiple: true },
  'payment-instructions': { type: 'string' },
} as const;

export const SITE_HELP = `Site details (saved in the database's settings, printed on every invoice; the app edits
them under Invoices > Site settings):
  --site-name TEXT             site or institution name
  --site-number TEXT           site number assigned by the sponsor
  --site-address LINE          an address line (repeat for each line)
  --site-tax-id TEXT           tax id (EIN)
  --site-contact TEXT          contact name
  --remit-to LINE              a remit-to line for checks (repeat for each line)
  --payment-instructions TEXT  bank / ACH instructions`;

export interface SiteFlagValues {
  readonly 'site-name'?: string | undefined;
  readonly 'site-number'?: string | undefined;
  readonly 'site-address'?: string[] | undefined;
  readonly 'site-tax-id'?: string | undefined;
  readonly 'site-contact'?: string | undefined;
  readonly 'remit-to'?: string[] | undefined;
  readonly 'payment-instructions'?: string | undefined;
}

/** Saves the site flags that were given (others keep their saved value); true when anything changed. */
export function applySiteFlags(db: Db, values: SiteFlagValues): boolean {
  const patch: Partial<{ -readonly [K in keyof SiteSettings]: SiteSettings[K] }> = {};
  if (values['site-name'] !== undefined) patch.siteName = values['site-name'];
  if (values['site-number'] !== undefined) patch.siteNumber = values['site-number'];
  if (values['site-address'] !== undefined) patch.addressLines = values['site-address'];
  if (values['site-tax-id'] !== undefined) patch.taxId = values['site-tax-id'];
  if (values['site-contact'] !== undefined) patch.contactName = values['site-contact'];
  if (values['remit-to'] !== undefined) patch.remitTo = values['remit-to'];
  if (values['payment-instructions'] !== undefined) patch.paymentInstructions = values['payment-instructions'];
  if (Object.keys(patch).length === 0) return false;
  updateSiteSettings(db, patch);
  return true;
}
