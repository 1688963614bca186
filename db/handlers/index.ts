/**
 * Every handler, joined from the areas. The type makes a channel without a handler (or a handler
 * without a channel) a compile error.
 */
import type { Channel } from '../../shared/contract/index.ts';
import { appHandlers } from './app.ts';
import { denialsHandlers } from './denials.ts';
import { findingsHandlers } from './findings.ts';
import { findingsInsightsHandlers } from './findings-insights.ts';
import type { HandlerMap } from './handler.ts';
import { importsHandlers } from './imports.ts';
import { invoicingHandlers } from './invoicing.ts';
import { jobsHandlers } from './jobs.ts';
import { setupHandlers } from './setup.ts';
import { studiesHandlers } from './studies.ts';
import { subjectsHandlers } from './subjects.ts';
import { viewsHandlers } from './views.ts';

export const HANDLERS: HandlerMap<Channel> = {
  ...appHandlers,
  ...studiesHandlers,
  ...setupHandlers,
  ...importsHandlers,
  ...jobsHandlers,
  ...findingsHandlers,
  ...findingsInsightsHandlers,
  ...viewsHandlers,
  ...subjectsHandlers,
  ...invoicingHandlers,
  ...denialsHandlers,
};
