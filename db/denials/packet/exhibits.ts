/**
 * The exhibits a packet generates from the store [BRIEF 5, packet contents 3]: the coverage-analysis
 * (billing-grid) rows of this service with their rationale, the visit window the service fell in, the
 * subject's enrolment and consent dates, and the remittance line as the payer sent it. Subjects are
 * named by study subject number only.
 */
import { formatCents } from '../../../shared/domain/money.ts';
import type { PdfDocumentBuilder } from '../../pdf/index.ts';
import type { PacketFacts } from './packet-facts.ts';

export interface PlannedExhibit {
  readonly key: string;
  readonly title: string;
  /** Draws the exhibit, starting with its heading (which marks its contents entry). */
  draw(doc: PdfDocumentBuilder, heading: string): void;
}

/** The generated exhibits this denial has material for, in order. */
export function planExhibits(f: PacketFacts): PlannedExhibit[] {
  const out: PlannedExhibit[] = [];
  const s = f.study;
  if (s !== null && f.calendarRows.length > 0) {
    out.push({
      key: 'ex-grid',
      title: `Coverage analysis of ${f.calendarRows[0]?.cpt ?? 'this service'} (${s.studyId}, arm ${s.arm ?? '-'})`,
      draw(doc, heading) {
        doc.heading(heading, { tocKey: 'ex-grid' });
        doc.paragraph(`Rows of the study's billing grid for procedure ${f.calendarRows[0]?.cpt ?? ''} in the subject's arm. The row marked "this service" is the visit the date of service matched.`, { muted: true });
        doc.table({
          columns: [
            { title: 'Visit', width: { pt: 92 } },
            { title: 'Day', width: { pt: 34 }, align: 'right' },
            { title: 'Window', width: { pt: 74 } },
            { title: 'Designation', width: { pt: 92 } },
            { title: 'Rationale' },
            { title: 'Match', width: { pt: 50 } },
          ],
          rows: f.calendarRows.map((r) => [`${r.visitCode} ${r.visitName}`, String(r.visitDay), r.window, r.designation, r.justification, r.matched ? 'this service' : '']),
        });
      },
    });
  }
  if (f.visitWindow !== null) {
    const w = f.visitWindow;
    out.push({
      key: 'ex-window',
      title: `Visit window of this service (${w.visitName})`,
      draw(doc, heading) {
        doc.heading(heading, { tocKey: 'ex-window' });
        doc.keyValues([
          { key: 'Visit', value: w.visitName },
          { key: 'Expected date', value: w.expectedDate },
          { key: 'Window', value: `${w.windowFrom} to ${w.windowTo}` },
          { key: 'Date of service', value: f.serviceDate ?? '' },
          { key: 'Days from the expected date', value: w.offsetDays === 0 ? 'on the expected date' : `${w.offsetDays > 0 ? '+' : ''}${w.offsetDays} (inside the window)` },
        ]);
        doc.paragraph('The expected date is the subject\'s treatment start plus the visit day of the protocol schedule; the window is the protocol\'s allowance around it.', { muted: true, small: true });
      },
    });
  }
  if (s !== null) {
    out.push({
      key: 'ex-enrolment',
      title: 'Enrolment and consent',
      draw(doc, heading) {
        doc.heading(heading, { tocKey: 'ex-enrolment' });
        doc.keyValues([
          { key: 'Study', value: `${s.studyId} (protocol ${s.protocolNumber})` },
          { key: 'Subject number', value: s.subjectId },
          { key: 'Arm', value: s.arm ?? '(not assigned)' },
          { key: 'Informed consent signed', value: s.consentDate },
          { key: 'Treatment start', value: s.startDate ?? '(not started)' },
          { key: 'Off study', value: s.offStudyDate ?? '(on study)' },
          { key: 'Status', value: s.subjectStatus },
        ]);
        doc.paragraph('The date of service falls inside the subject\'s study period (from consent to going off study).', { muted: true, small: true });
      },
    });
  }
  out.push({
    key: 'ex-remit',
    title: 'Remittance advice for this line',
    draw(doc, heading) {
      doc.heading(heading, { tocKey: 'ex-remit' });
      doc.keyValues([
        { key: 'Payer', value: f.remit.payerName },
        { key: 'Check/EFT trace number', value: f.remit.traceNumber },
        { key: 'Remittance date', value: f.remit.remitDate },
        { key: 'Payer claim number', value: f.claimNumber ?? '' },
        { key: 'Service', value: `${f.procedure}${f.serviceDate ? ` on ${f.serviceDate}` : ''}` },
        { key: 'Billed / paid / denied', value: `${formatCents(f.billedCents)} / ${formatCents(f.paidCents)} / ${formatCents(f.deniedCents)}` },
      ]);
      doc.table({
        columns: [{ title: 'Adjustment or remark', width: { pt: 110 } }, { title: 'Meaning (our summary of the code list)' }, { title: 'Amount', width: { pt: 70 }, align: 'right', nowrap: true }],
        rows: [...f.denialCodes.map((c) => [c.code, c.meaning, formatCents(c.amountCents ?? 0)]), ...f.remarks.map((c) => [c.code, c.meaning, ''])],
      });
    },
  });
  return out;
}
