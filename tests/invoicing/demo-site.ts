/** Site settings of a fictional site for document tests and screenshots (no real institution or account). */
import type { SiteSettings } from '../../shared/invoicing/report-types.ts';

export const DEMO_SITE: SiteSettings = {
  siteName: 'Lakeside University Medical Center',
  siteNumber: '0417',
  addressLines: ['Clinical Trials Office, Suite 400', '1200 Harbor Drive', 'Lakeside, MI 49001'],
  taxId: '38-1234567',
  contactName: 'Dana Whitfield, Research Billing',
  contactEmail: 'ctofinance@lakeside.example',
  contactPhone: '(269) 555-0142',
  remitTo: ['Lakeside University Medical Center', 'Attn: Clinical Trials Accounts Receivable', 'PO Box 7781, Lakeside, MI 49003'],
  paymentInstructions: 'ACH or wire: Harbor National Bank, ABA 000000000, account 0000000000 (Lakeside UMC Clinical Trials). Remittance advice to ctofinance@lakeside.example.',
  studies: [
    { studyId: 'NSCLC-301', investigator: 'Priya Raman, MD', billToAttention: 'Clinical Trial Payments', billToAddress: ['55 Research Parkway', 'Boston, MA 02115'], sponsorReference: 'Site 0417' },
  ],
};
