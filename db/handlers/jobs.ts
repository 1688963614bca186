import type { HandlerMap } from './handler.ts';

export const jobsHandlers: HandlerMap<'jobs:get' | 'jobs:cancel' | 'jobs:list'> = {
  'jobs:get': (backend, { jobId }) => backend.jobs.get(jobId),
  'jobs:cancel': (backend, { jobId }) => backend.jobs.cancel(jobId),
  'jobs:list': (backend) => backend.jobs.list(),
};
