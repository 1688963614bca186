/**
 * The site's invoicing details (name, address, tax id, remit-to, payment instructions, per-study
 * investigator and bill-to), kept in app_settings under one key as JSON. They are printed on every
 * invoice and frozen into an invoice when it is issued (invoices.document_json).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { siteSettingsSchema } from '../../shared/contract/invoicing.ts';
import type { SiteSettings, StudyBilling } from '../../shared/invoicing/report-types.ts';

const KEY = 'invoicing.site';

/** Empty settings: every field blank (documents then print "not set" prompts). */
export const EMPTY_SITE: SiteSettings = siteSettingsSchema.parse({});

/** The saved settings, or empty ones; a damaged value reads as empty rather than failing every invoice. */
export function getSiteSettings(db: Db): SiteSettings {
  const text = db.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (text === undefined) return EMPTY_SITE;
  try {
    const parsed = siteSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY_SITE;
  } catch {
    return EMPTY_SITE;
  }
}

/** Validates and saves the settings; returns what was stored. Blank lines are dropped. */
export function saveSiteSettings(db: Db, input: unknown): SiteSettings {
  const parsed = siteSettingsSchema.parse(input);
  const clean: SiteSettings = {
    ...parsed,
    addressLines: parsed.addressLines.filter((l) => l !== ''),
    remitTo: parsed.remitTo.filter((l) => l !== ''),
    studies: parsed.studies.map((s) => ({ ...s, billToAddress: s.billToAddress.filter((l) => l !== '') })),
  };
  db.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(clean));
  return clean;
}

/** Merges a partial change (CLI flags) into the saved settings. */
export function updateSiteSettings(db: Db, patch: Partial<SiteSettings>): SiteSettings {
  return saveSiteSettings(db, { ...getSiteSettings(db), ...patch });
}

/** The billing details of one study, blank when none were entered. */
export function studyBillingOf(site: SiteSettings, studyId: string): StudyBilling {
  return site.studies.find((s) => s.studyId === studyId) ?? { studyId, investigator: '', billToAttention: '', billToAddress: [], sponsorReference: '' };
}
