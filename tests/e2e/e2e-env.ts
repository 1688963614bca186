/**
 * Settings shared by playwright.config.ts and the specs. The port is fixed (not picked at random)
 * because Playwright evaluates the config again in every worker; override it when it is taken.
 */
import { resolve } from 'node:path';

export const E2E_PORT = Number(process.env.TRIALLEDGER_E2E_PORT ?? 47_831);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The package the harness loads as its demo and the specs read their expectations from. */
export const E2E_DEMO_DIR = resolve(import.meta.dirname, '../../assets/demo');
