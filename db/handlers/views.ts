import { deleteView, listSavedViews, saveView } from '../queries/views/saved-views.ts';
import type { HandlerMap } from './handler.ts';

/** Saved views of the work queue. */
export const viewsHandlers: HandlerMap<'views:list' | 'views:save' | 'views:delete'> = {
  'views:list': (backend) => listSavedViews(backend.db),
  'views:save': (backend, view) => saveView(backend.db, view, backend.now()),
  'views:delete': (backend, { id }) => deleteView(backend.db, id),
};
