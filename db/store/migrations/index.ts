/**
 * Every migration, in order. Append only: a shipped migration is never edited (its hash is checked);
 * versions go in steps of 10 so each feature area owns its own range.
 */
import type { Migration } from '../migrate.ts';
import { foundation } from './0010-foundation.ts';

export const MIGRATIONS: readonly Migration[] = [foundation];
