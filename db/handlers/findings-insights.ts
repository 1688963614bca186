import { atRiskSummary } from '../queries/dashboard/at-risk.ts';
import { findingsTrend } from '../queries/dashboard/trend.ts';
import type { HandlerMap } from './handler.ts';

type InsightChannels = 'findings:at-risk' | 'findings:trend' | 'findings:export' | 'findings:assignees';

/** The dashboard's queries, the export of a queue view (a job), and the assignee names. */
export const findingsInsightsHandlers: HandlerMap<InsightChannels> = {
  'findings:at-risk': (backend, { studyIds }) => atRiskSummary(backend.db, studyIds, backend.now()),
  'findings:trend': (backend, { studyIds, basis }) => findingsTrend(backend.db, studyIds, basis),
  'findings:export': (backend, { filter, sort, format }) => ({
    jobId: backend.jobs.start('export-findings', { filter, sort, format, outboxDir: backend.outboxDir, requestedAt: backend.now().toISOString() }),
  }),
  'findings:assignees': (backend) =>
    backend.db.prepare('SELECT DISTINCT assignee FROM findings INDEXED BY findings_q_assignee WHERE assignee IS NOT NULL ORDER BY assignee').pluck().all() as string[],
};
