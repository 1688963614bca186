/**
 * Every migration, in order. Append only: a shipped migration is never edited (its hash is checked);
 * versions go in steps of 10 so each feature area owns its own range.
 */
import type { Migration } from '../migrate.ts';
import { foundation } from './0010-foundation.ts';
import { findings } from './0020-findings.ts';
import { invoicing } from './0030-invoicing.ts';
import { remittances } from './0040-remittances.ts';
import { denials } from './0050-denials.ts';
import { savedViews } from './0065-saved-views.ts';
import { remitCompact } from './0070-remit-compact.ts';
import { denialSuperseded } from './0080-denial-superseded.ts';

export const MIGRATIONS: readonly Migration[] = [foundation, findings, invoicing, remittances, denials, savedViews, remitCompact, denialSuperseded];
