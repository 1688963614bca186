import { previewFile } from '../import/preview-file.ts';
import { deleteMappingProfile, listImportBatches, listMappingProfiles, saveMappingProfile } from '../queries/imports.ts';
import type { HandlerMap } from './handler.ts';

type ImportChannels = 'imports:preview' | 'imports:start' | 'imports:history' | 'mappings:list' | 'mappings:save' | 'mappings:delete';

export const importsHandlers: HandlerMap<ImportChannels> = {
  'imports:preview': async (backend, { fileIds, rows }) => {
    const previews = [];
    for (const fileId of fileIds) {
      const file = backend.files.resolve(fileId);
      previews.push(await previewFile(fileId, file.path, file.name, rows));
    }
    return previews;
  },
  'imports:start': (backend, { fileIds, mapping }) => {
    const paths = fileIds.map((id) => backend.files.resolve(id).path);
    return { jobId: backend.jobs.start('import', { paths, ...(mapping ? { mapping } : {}) }) };
  },
  'imports:history': (backend, { limit }) => listImportBatches(backend.db, limit),
  'mappings:list': (backend) => listMappingProfiles(backend.db),
  'mappings:save': (backend, { profile }) => saveMappingProfile(backend.db, profile, backend.now()),
  'mappings:delete': (backend, { name }) => deleteMappingProfile(backend.db, name),
};
