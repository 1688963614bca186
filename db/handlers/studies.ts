import { listStudies } from '../queries/studies.ts';
import type { HandlerMap } from './handler.ts';

export const studiesHandlers: HandlerMap<'studies:list'> = {
  'studies:list': (backend) => listStudies(backend.db),
};
