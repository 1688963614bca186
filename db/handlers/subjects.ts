import { listSubjects } from '../queries/subjects/list-subjects.ts';
import { getSubjectTimeline } from '../queries/subjects/subject-timeline.ts';
import type { HandlerMap } from './handler.ts';

/** A study's subjects and one subject's timeline. */
export const subjectsHandlers: HandlerMap<'subjects:list' | 'subjects:timeline'> = {
  'subjects:list': (backend, { studyId }) => listSubjects(backend.db, studyId),
  'subjects:timeline': (backend, { studyId, subjectId }) => getSubjectTimeline(backend.db, studyId, subjectId),
};
