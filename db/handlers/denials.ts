/**
 * Handlers of the remittance, denial and appeal channels (shared/contract/denials.ts). Days left count
 * from the backend's clock (`backend.now`), which tests fix. Files come in by registry id only.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { todayIso } from '../../shared/domain/dates.ts';
import { addAppealAttachment, getAppealDraft, removeAppealAttachment, resetAppealLetter, saveAppealLetter } from '../denials/appeals.ts';
import { buildDenialPacket, exportPacket } from '../denials/packet/export-packet.ts';
import { retriageOpenDenials } from '../denials/retriage.ts';
import { setDenialStatus } from '../denials/set-status.ts';
import { getDenial } from '../queries/denials/get-denial.ts';
import { listDenials } from '../queries/denials/list-denials.ts';
import { loadMetrics } from '../queries/denials/load-metrics.ts';
import { listPayerSettings, savePayerSetting } from '../queries/denials/payer-settings.ts';
import { listRemitFiles } from '../queries/denials/remit-files.ts';
import { summarizeDenials } from '../queries/denials/summarize-denials.ts';
import type { HandlerMap } from './handler.ts';

type DenialChannels =
  | 'remit:import'
  | 'remit:files'
  | 'denials:list'
  | 'denials:get'
  | 'denials:summary'
  | 'denials:set-status'
  | 'denials:retriage'
  | 'denials:metrics'
  | 'denials:payer-settings'
  | 'denials:save-payer-setting'
  | 'appeals:get'
  | 'appeals:save-letter'
  | 'appeals:reset-letter'
  | 'appeals:add-attachment'
  | 'appeals:remove-attachment'
  | 'appeals:preview'
  | 'appeals:export'
  | 'appeals:export-batch';

/** The handlers of the remit:, denials: and appeals: channels. */
export const denialsHandlers: HandlerMap<DenialChannels> = {
  'remit:import': (backend, { fileId }) => ({ jobId: backend.jobs.start('remit-import', { path: backend.files.resolve(fileId).path }) }),
  'remit:files': (backend, { limit }) => listRemitFiles(backend.db, limit),
  'denials:list': (backend, { filter, sort, offset, limit }) => listDenials(backend.db, filter, sort, offset, limit, todayIso(backend.now())),
  'denials:get': (backend, { id }) => getDenial(backend.db, id, todayIso(backend.now())),
  'denials:summary': (backend) => summarizeDenials(backend.db, todayIso(backend.now())),
  'denials:set-status': (backend, change) => setDenialStatus(backend.db, change, backend.now()),
  'denials:retriage': (backend) => retriageOpenDenials(backend.db, backend.now()),
  'denials:metrics': (backend, range) => loadMetrics(backend.db, range),
  'denials:payer-settings': (backend) => listPayerSettings(backend.db),
  'denials:save-payer-setting': (backend, change) => savePayerSetting(backend.db, change, backend.now()),
  'appeals:get': (backend, { denialId }) => getAppealDraft(backend.db, denialId, todayIso(backend.now())),
  'appeals:save-letter': (backend, { denialId, letterText }) => saveAppealLetter(backend.db, denialId, letterText, backend.now()),
  'appeals:reset-letter': (backend, { denialId }) => resetAppealLetter(backend.db, denialId, backend.now()),
  'appeals:add-attachment': async (backend, { denialId, fileId, title }) => {
    const file = backend.files.resolve(fileId);
    const bytes = new Uint8Array(await readFile(file.path));
    return addAppealAttachment(backend.db, denialId, { bytes, title: title ?? basename(file.name, extname(file.name)) }, backend.now());
  },
  'appeals:remove-attachment': (backend, { denialId, attachmentId }) => removeAppealAttachment(backend.db, denialId, attachmentId, backend.now()),
  'appeals:preview': async (backend, { denialId }) => {
    const built = await buildDenialPacket(backend.db, denialId, { now: backend.now });
    return { ...built.preview, fileName: built.fileName, byteSize: built.bytes.length, base64: Buffer.from(built.bytes).toString('base64') };
  },
  'appeals:export': (backend, { denialId }) => exportPacket(backend.db, denialId, backend.outboxDir, { now: backend.now }),
  'appeals:export-batch': (backend, { denialIds }) => ({ jobId: backend.jobs.start('appeal-packets', { denialIds, outboxDir: backend.outboxDir }) }),
};
