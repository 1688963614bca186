import { getBillingGrid } from '../queries/setup/billing-grid.ts';
import { getStudyDetail } from '../queries/setup/get-study-detail.ts';
import type { HandlerMap } from './handler.ts';

export const setupHandlers: HandlerMap<'studies:get' | 'studies:billing-grid'> = {
  'studies:get': (backend, { studyId }) => getStudyDetail(backend.db, studyId),
  'studies:billing-grid': (backend, { studyId }) => getBillingGrid(backend.db, studyId),
};
