/**
 * Every handler, joined from the areas. The type makes a channel without a handler (or a handler
 * without a channel) a compile error.
 */
import type { Channel } from '../../shared/contract/index.ts';
import { appHandlers } from './app.ts';
import { findingsHandlers } from './findings.ts';
import type { HandlerMap } from './handler.ts';
import { importsHandlers } from './imports.ts';
import { jobsHandlers } from './jobs.ts';
import { studiesHandlers } from './studies.ts';

export const HANDLERS: HandlerMap<Channel> = {
  ...appHandlers,
  ...studiesHandlers,
  ...importsHandlers,
  ...jobsHandlers,
  ...findingsHandlers,
};
