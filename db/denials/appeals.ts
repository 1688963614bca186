/**
 * Appeal requests of a denial: the letter (drafted from the template of the denial's category, then
 * edited by the coordinator) and the PDF attachments chosen for it. One appeal per level; a new level
 * starts after an upheld decision. Attachments are stored as bytes in the encrypted store and checked
 * to be readable PDFs when added (the packet would fail later otherwise).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import { draftLetter, type LetterFacts } from '../../shared/denials/letter.ts';
import { formatCents } from '../../shared/domain/money.ts';
import type { AppealAttachment, AppealDraft } from '../../shared/contract/denials.ts';
import { UserError } from '../backend/user-error.ts';
import { loadForeignPdf, PdfAttachmentError } from '../pdf/index.ts';
import { loadPacketFacts, type PacketFacts } from './packet/packet-facts.ts';

/** Largest attachment accepted (a scanned chart excerpt, not a whole record). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** The letter facts of a packet. */
export function letterFactsOf(f: PacketFacts, today: string): LetterFacts {
  return {
    today,
    payerName: f.payer.name,
    appealLevel: f.payer.appealLevel,
    siteName: f.site.name,
    claimNumber: f.claimNumber,
    patientAccount: f.patientAccount,
    patientLines: f.patientLines,
    serviceDate: f.serviceDate,
    procedure: f.procedure,
    billedCents: f.billedCents,
    paidCents: f.paidCents,
    deniedCents: f.deniedCents,
    denialCodes: f.denialCodes.map((c) => `${c.code} ${formatCents(c.amountCents ?? 0)}: ${c.meaning}`),
    remarkCodes: f.remarks.map((c) => `${c.code}: ${c.meaning}`),
    category: f.category,
    basis: f.basis,
    study: f.study,
    coding: f.coding,
  };
}

/** The template letter of a denial as of `today`. */
export function templateLetter(db: Db, denialId: number, today: string): string {
  return draftLetter(letterFactsOf(loadPacketFacts(db, denialId), today));
}

interface AppealRow {
  id: number;
  level: number;
  letter_text: string;
  sent_date: string | null;
  outcome: string | null;
}

const latestAppeal = (db: Db, denialId: number): AppealRow | undefined =>
  db.prepare('SELECT id, level, letter_text, sent_date, outcome FROM appeals WHERE denial_id = ? ORDER BY level DESC LIMIT 1').get(denialId) as AppealRow | undefined;

/** The id of the appeal being prepared: the latest undecided one, else a new level with the template letter. */
export function ensureDraftAppeal(db: Db, denialId: number, at: string): number {
  const latest = latestAppeal(db, denialId);
  if (latest !== undefined && latest.outcome === null) return latest.id;
  const letter = templateLetter(db, denialId, at.slice(0, 10));
  return Number(
    db.prepare('INSERT INTO appeals (denial_id, level, letter_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(denialId, (latest?.level ?? 0) + 1, letter, at, at).lastInsertRowid,
  );
}

/** The attachments of an appeal, in order (without their bytes). */
export function listAttachments(db: Db, appealId: number): AppealAttachment[] {
  return db
    .prepare('SELECT id, title, page_count AS pageCount, byte_size AS byteSize FROM appeal_attachments WHERE appeal_id = ? ORDER BY seq')
    .all(appealId) as AppealAttachment[];
}

/** The draft the editor shows: the saved letter, or the template when nothing was saved yet (`facts` when already loaded). */
export function getAppealDraft(db: Db, denialId: number, today: string, facts: PacketFacts = loadPacketFacts(db, denialId)): AppealDraft {
  const latest = latestAppeal(db, denialId);
  if (latest === undefined || latest.outcome !== null) {
    const template = draftLetter(letterFactsOf(facts, today));
    return { appealId: null, level: (latest?.level ?? 0) + 1, letterText: template, saved: false, sentDate: null, attachments: [], appealable: facts.appealable, appealLevel: facts.payer.appealLevel };
  }
  return { appealId: latest.id, level: latest.level, letterText: latest.letter_text, saved: true, sentDate: latest.sent_date, attachments: listAttachments(db, latest.id), appealable: facts.appealable, appealLevel: facts.payer.appealLevel };
}

/** Saves the edited letter (creating the appeal request if needed). */
export function saveAppealLetter(db: Db, denialId: number, letterText: string, now: Date): AppealDraft {
  const at = now.toISOString();
  db.transaction(() => {
    const id = ensureDraftAppeal(db, denialId, at);
    db.prepare('UPDATE appeals SET letter_text = ?, updated_at = ? WHERE id = ?').run(letterText, at, id);
  })();
  return getAppealDraft(db, denialId, at.slice(0, 10));
}

/** Replaces the letter with the category template again. */
export function resetAppealLetter(db: Db, denialId: number, now: Date): AppealDraft {
  return saveAppealLetter(db, denialId, templateLetter(db, denialId, now.toISOString().slice(0, 10)), now);
}

/** Page count of a PDF, or a PdfAttachmentError naming it by `label` (never by its file name). */
export async function checkPdf(bytes: Uint8Array, label: string): Promise<number> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) throw new PdfAttachmentError('not-a-pdf', label);
  let doc: PDFDocument;
  try {
    doc = await loadForeignPdf(bytes);
  } catch {
    throw new PdfAttachmentError('not-a-pdf', label);
  }
  if (doc.isEncrypted) throw new PdfAttachmentError('encrypted', label);
  const pages = doc.getPageCount();
  if (pages === 0) throw new PdfAttachmentError('no-pages', label);
  return pages;
}

/** Adds a PDF to the appeal being prepared. @throws UserError for a file too large or not a usable PDF. */
export async function addAppealAttachment(db: Db, denialId: number, file: { readonly bytes: Uint8Array; readonly title: string }, now: Date): Promise<AppealDraft> {
  // Messages name the file neutrally: its title comes from its name, which may hold a patient's name.
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new UserError('ATTACHMENT_TOO_LARGE', `The chosen file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; attach the relevant pages only.`);
  loadPacketFacts(db, denialId);
  const pages = await checkPdf(file.bytes, 'The chosen file');
  const at = now.toISOString();
  db.transaction(() => {
    const appealId = ensureDraftAppeal(db, denialId, at);
    const seq = (db.prepare('SELECT coalesce(max(seq), 0) FROM appeal_attachments WHERE appeal_id = ?').pluck().get(appealId) as number) + 1;
    db.prepare('INSERT INTO appeal_attachments (appeal_id, seq, title, byte_size, page_count, sha256, bytes, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      appealId, seq, file.title, file.bytes.length, pages, createHash('sha256').update(file.bytes).digest('hex'), Buffer.from(file.bytes), at,
    );
  })();
  return getAppealDraft(db, denialId, at.slice(0, 10));
}

/** Removes an attachment from the appeal being prepared. */
export function removeAppealAttachment(db: Db, denialId: number, attachmentId: number, now: Date): AppealDraft {
  const changes = db
    .prepare('DELETE FROM appeal_attachments WHERE id = ? AND appeal_id IN (SELECT id FROM appeals WHERE denial_id = ? AND outcome IS NULL)')
    .run(attachmentId, denialId).changes;
  if (changes === 0) throw new UserError('NO_SUCH_ATTACHMENT', 'That attachment is no longer part of this appeal.');
  return getAppealDraft(db, denialId, now.toISOString().slice(0, 10));
}

/** Titles and bytes of the attachments of the appeal being prepared, in order. */
export function attachmentBytes(db: Db, denialId: number): { title: string; bytes: Uint8Array }[] {
  const latest = latestAppeal(db, denialId);
  if (latest === undefined) return [];
  return (db.prepare('SELECT title, bytes FROM appeal_attachments WHERE appeal_id = ? ORDER BY seq').all(latest.id) as { title: string; bytes: Buffer }[]).map((r) => ({
    title: r.title,
    bytes: new Uint8Array(r.bytes),
  }));
}
