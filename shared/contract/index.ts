/**
 * The one IPC contract: every channel the renderer may call, with its input schema and output type.
 * Each area keeps its channels in its own file; this map joins them. The preload exposes exactly these
 * channels as named functions, the Electron main process validates every input against them, and the
 * browser harness serves the same map.
 */
import type { z } from 'zod';
import { appContract } from './app.ts';
import type { ChannelDef } from './define.ts';
import { denialsContract } from './denials.ts';
import { findingsContract } from './findings.ts';
import { findingsInsightsContract } from './findings-insights.ts';
import { importsContract } from './imports.ts';
import { invoicingContract } from './invoicing.ts';
import { jobsContract } from './jobs.ts';
import { setupContract } from './setup.ts';
import { studiesContract } from './studies.ts';
import { subjectsContract } from './subjects.ts';
import { viewsContract } from './views.ts';

export const CONTRACT = {
  ...appContract,
  ...studiesContract,
  ...setupContract,
  ...importsContract,
  ...jobsContract,
  ...findingsContract,
  ...findingsInsightsContract,
  ...viewsContract,
  ...subjectsContract,
  ...invoicingContract,
  ...denialsContract,
} as const;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = Contract[C] extends ChannelDef<infer In, unknown> ? z.input<In> : never;
export type ParsedInputOf<C extends Channel> = Contract[C] extends ChannelDef<infer In, unknown> ? z.output<In> : never;
export type OutputOf<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer Out> ? Out : never;

export const CHANNELS = Object.keys(CONTRACT) as Channel[];

export type { BackendError, Result } from './define.ts';
export type { PushEvents } from './jobs.ts';
