import { getFinding } from '../queries/findings/get-finding.ts';
import { countFindings, groupFindings, listFindings } from '../queries/findings/list-findings.ts';
import { summarizeFindings } from '../queries/findings/summarize-findings.ts';
import { addFindingNote, assignFindings, setFindingStatus } from '../queries/findings/update-findings.ts';
import type { HandlerMap } from './handler.ts';

type FindingChannels = 'findings:run' | 'findings:list' | 'findings:count' | 'findings:groups' | 'findings:get' | 'findings:set-status' | 'findings:assign' | 'findings:add-note' | 'findings:summary';

export const findingsHandlers: HandlerMap<FindingChannels> = {
  'findings:run': (backend, { mode }) => ({ jobId: backend.jobs.start('reconcile', { mode }) }),
  'findings:list': (backend, { filter, sort, offset, limit, withTotal }) => listFindings(backend.db, filter, sort, offset, limit, withTotal),
  'findings:count': (backend, { filter }) => ({ total: countFindings(backend.db, filter).total }),
  'findings:groups': (backend, { filter, by }) => groupFindings(backend.db, filter, by),
  'findings:get': (backend, { id }) => getFinding(backend.db, id),
  'findings:set-status': (backend, change) => ({ updated: setFindingStatus(backend.db, change, backend.now()) }),
  'findings:assign': (backend, { ids, assignee, actor }) => ({ updated: assignFindings(backend.db, ids, assignee, actor, backend.now()) }),
  'findings:add-note': (backend, { id, note, actor }) => addFindingNote(backend.db, id, note, actor, backend.now()),
  'findings:summary': (backend, { studyIds }) => summarizeFindings(backend.db, studyIds),
};
