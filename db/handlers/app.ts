import { countStudies } from '../queries/studies.ts';
import type { HandlerMap } from './handler.ts';

export const appHandlers: HandlerMap<'app:get-info'> = {
  'app:get-info': (backend) => ({
    version: backend.version,
    host: backend.host,
    keyProtection: backend.keyProtection,
    studyCount: countStudies(backend.db),
  }),
};
