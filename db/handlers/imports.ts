import type { ImportOutcome } from '../../shared/package-spec/import-result.ts';
import { UserError } from '../backend/user-error.ts';
import { writeProblemsCsv } from '../import/export-problems.ts';
import { previewInWorker } from '../import/preview-in-worker.ts';
import { deleteMappingProfile, listImportBatches, listMappingProfiles, saveMappingProfile } from '../queries/imports.ts';
import type { HandlerMap } from './handler.ts';

type ImportChannels = 'imports:preview' | 'imports:start' | 'imports:history' | 'imports:export-problems' | 'mappings:list' | 'mappings:save' | 'mappings:delete';

export const importsHandlers: HandlerMap<ImportChannels> = {
  'imports:preview': async (backend, { fileIds, rows }) => {
    const previews = [];
    for (const fileId of fileIds) {
      const file = backend.files.resolve(fileId);
      // A workbook takes seconds to open: read it in a worker so the UI's requests keep flowing.
      previews.push(await previewInWorker({ fileId, path: file.path, name: file.name, byteSize: file.byteSize, rows }, backend.previewWorkerUrl));
    }
    return previews;
  },
  'imports:start': (backend, { fileIds, mapping }) => {
    const paths = fileIds.map((id) => backend.files.resolve(id).path);
    return { jobId: backend.jobs.start('import', { paths, ...(mapping ? { mapping } : {}) }) };
  },
  'imports:history': (backend, { limit }) => listImportBatches(backend.db, limit),
  'imports:export-problems': (backend, { jobId }) => {
    const job = backend.jobs.get(jobId);
    const outcome = job?.kind === 'import' ? (job.result as ImportOutcome | undefined) : undefined;
    if (!outcome || outcome.problems.length === 0) throw new UserError('NO_PROBLEMS', 'That import has no problems to export (or it is no longer in this session).');
    return { fileName: writeProblemsCsv(backend.outboxDir, outcome.problems, backend.now()) };
  },
  'mappings:list': (backend) => listMappingProfiles(backend.db),
  'mappings:save': (backend, { profile }) => saveMappingProfile(backend.db, profile, backend.now()),
  'mappings:delete': (backend, { name }) => deleteMappingProfile(backend.db, name),
};
