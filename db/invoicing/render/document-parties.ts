/**
 * The parties printed on an invoice: the site (from the app settings) and the sponsor with the
 * study's bill-to details. An issued document uses the copy frozen into it at issue, so a re-print
 * years later is identical even if the site moved; a draft uses the current settings.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { SiteSettings, StudyBilling } from '../../../shared/invoicing/report-types.ts';
import type { InvoiceDetail } from '../../../shared/invoicing/types.ts';
import { EMPTY_SITE, getSiteSettings, studyBillingOf } from '../site-settings.ts';

export interface DocumentParties {
  readonly site: Omit<SiteSettings, 'studies'>;
  readonly billing: StudyBilling;
}

/** The frozen parties of an issued document, or the current ones of a draft. */
export function partiesOf(db: Db, invoice: InvoiceDetail): DocumentParties {
  const frozen = db.prepare('SELECT document_json FROM invoices WHERE id = ?').pluck().get(invoice.id) as string | null;
  if (frozen !== null) {
    try {
      const parsed = JSON.parse(frozen) as Partial<DocumentParties>;
      if (parsed.site && parsed.billing) return { site: { ...EMPTY_SITE, ...parsed.site }, billing: parsed.billing };
    } catch {
      // A damaged copy falls through to the current settings rather than failing the print.
    }
  }
  const site = getSiteSettings(db);
  return { site, billing: studyBillingOf(site, invoice.study.studyId) };
}

/** The site block's lines: address, site number, tax id and contact, skipping what is not set. */
export function siteLines(site: DocumentParties['site']): string[] {
  return [
    ...site.addressLines,
    ...(site.siteNumber ? [`Site no. ${site.siteNumber}`] : []),
    ...(site.taxId ? [`Tax ID (EIN): ${site.taxId}`] : []),
    ...[site.contactName, site.contactEmail, site.contactPhone].filter((v) => v !== '').map((v, i) => (i === 0 ? `Contact: ${v}` : v)),
  ];
}

/** The sponsor block's lines. */
export function billToLines(billing: StudyBilling): string[] {
  return [...(billing.billToAttention ? [`Attn: ${billing.billToAttention}`] : []), ...billing.billToAddress];
}
