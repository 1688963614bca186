/**
 * Building packets for a denial from what is stored (letter, attachments) and writing them out: one
 * PDF into the outbox for the editor's export, or many into one ZIP for a batch (with progress and
 * cancellation, run as a job). A denial whose packet cannot be built (an attachment no longer reads)
 * is reported by id and the batch goes on.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppealBatchResult, PacketPreview } from '../../../shared/contract/denials.ts';
import { UserError } from '../../backend/user-error.ts';
import { loadFontFiles, type FontFiles } from '../../pdf/index.ts';
import { attachmentBytes, getAppealDraft } from '../appeals.ts';
import { ZipWriter } from '../zip-writer.ts';
import { buildAppealPacket, packetFileName, type BuiltPacket } from './build-packet.ts';
import { loadPacketFacts } from './packet-facts.ts';

export interface PacketOptions {
  readonly now: () => Date;
  readonly fonts?: FontFiles;
}

/** Builds the packet of a denial with its saved letter (or the template) and attachments. */
export async function buildDenialPacket(db: Db, denialId: number, options: PacketOptions): Promise<BuiltPacket & { fileName: string }> {
  const facts = loadPacketFacts(db, denialId);
  const draft = getAppealDraft(db, denialId, options.now().toISOString().slice(0, 10), facts);
  const built = await buildAppealPacket({
    facts,
    letterText: draft.letterText,
    attachments: draft.saved ? attachmentBytes(db, denialId) : [],
    now: options.now,
    ...(options.fonts ? { fonts: options.fonts } : {}),
  });
  return { ...built, fileName: packetFileName(facts) };
}

/** Writes the packet of a denial to `outboxDir`; returns what the preview shows. */
export async function exportPacket(db: Db, denialId: number, outboxDir: string, options: PacketOptions): Promise<PacketPreview> {
  const built = await buildDenialPacket(db, denialId, options);
  writeFileSync(join(outboxDir, built.fileName), built.bytes, { mode: 0o600 });
  return { ...built.preview, fileName: built.fileName, byteSize: built.bytes.length };
}

export interface BatchContext {
  readonly onProgress?: (done: number, total: number) => void;
  readonly isCancelled?: () => boolean;
}

/** Builds the packets of many denials into one ZIP in `outboxDir`. A cancelled batch leaves no file. */
export async function exportPacketBatch(db: Db, denialIds: readonly number[], outboxDir: string, options: PacketOptions, ctx: BatchContext = {}): Promise<AppealBatchResult> {
  const stamp = options.now().toISOString().slice(0, 19).replace(/[-:T]/g, '');
  const fileName = `appeal-packets-${stamp}.zip`;
  const path = join(outboxDir, fileName);
  const zip = new ZipWriter(path);
  const fonts = options.fonts ?? (await loadFontFiles());
  const failed: { denialId: number; message: string }[] = [];
  const names = new Set<string>();
  let packets = 0;
  let pages = 0;
  try {
    for (const [i, id] of denialIds.entries()) {
      if (ctx.isCancelled?.()) {
        zip.abort();
        rmSync(path, { force: true });
        return { fileName: null, packets: 0, pages: 0, failed };
      }
      try {
        const built = await buildDenialPacket(db, id, { now: options.now, fonts });
        let name = built.fileName;
        for (let n = 2; names.has(name); n++) name = built.fileName.replace(/\.pdf$/, `-${n}.pdf`);
        names.add(name);
        zip.add(name, built.bytes);
        packets += 1;
        pages += built.preview.pageCount;
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        failed.push({ denialId: id, message: error.message });
      }
      ctx.onProgress?.(i + 1, denialIds.length);
    }
    zip.close();
  } catch (error) {
    zip.abort();
    rmSync(path, { force: true });
    throw error;
  }
  if (packets === 0) {
    rmSync(path, { force: true });
    return { fileName: null, packets, pages, failed };
  }
  return { fileName, packets, pages, failed };
}
