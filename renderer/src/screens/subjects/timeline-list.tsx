/**
 * The timeline as a list beside the chart, in date order: each visit (window, expected and actual
 * date) and each charge (code, procedure, amount, who it was billed to) with its findings, which
 * open the finding's evidence.
 */
import { useEffect, useRef } from 'react';
import type { SubjectTimeline, TimelineFinding } from '../../../../shared/contract/subjects.ts';
import { formatCents } from '../../../../shared/domain/money.ts';
import { SEVERITY_LABEL, STATUS_LABEL } from '../findings/finding-labels.ts';

type Entry = { readonly date: string; readonly kind: 'visit' | 'charge'; readonly key: string; readonly index: number };

const VISIT_STATUS: Record<string, string> = { COMPLETED: 'Completed', MISSED: 'Missed', NOT_RECORDED: 'No CTMS visit' };

/** Visits (at their actual or expected date) and charges, in date order. */
export function timelineEntries(t: SubjectTimeline): Entry[] {
  const entries: Entry[] = [
    ...t.visits.map((v, index) => ({ date: v.actualDate ?? v.expectedDate ?? '', kind: 'visit' as const, key: `v-${v.visitCode}`, index })),
    ...t.charges.map((c, index) => ({ date: c.serviceDate, kind: 'charge' as const, key: `c-${c.chargeId}`, index })),
  ];
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? a.index - b.index : a.kind === 'visit' ? -1 : 1));
}

function FindingLinks({ findings, onOpen }: { readonly findings: readonly TimelineFinding[]; readonly onOpen: (id: number) => void }) {
  if (findings.length === 0) return null;
  return (
    <ul className="tl-findings">
      {findings.map((f) => (
        <li key={f.id}>
          <button type="button" className={`rule-chip sev-${f.severity}`} onClick={() => onOpen(f.id)} title={`${SEVERITY_LABEL[f.severity]}, ${STATUS_LABEL[f.status].toLowerCase()}: ${f.message}`}>
            {f.rule}
            {f.status !== 'open' && <span className="rule-chip-status"> · {STATUS_LABEL[f.status].toLowerCase()}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

export interface TimelineListProps {
  readonly timeline: SubjectTimeline;
  readonly selected: string | null;
  readonly onOpenFinding: (id: number) => void;
}

export function TimelineList({ timeline, selected, onOpenFinding }: TimelineListProps) {
  const ref = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (selected) ref.current?.querySelector(`[data-charge-row="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <div className="tl-list-scroll">
      <table ref={ref} className="data-table tl-list">
        <caption className="visually-hidden">Visits and charges of subject {timeline.subjectId} in date order</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Event</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {timelineEntries(timeline).map((e) => {
            if (e.kind === 'visit') {
              const v = timeline.visits[e.index];
              if (!v) return null;
              return (
                <tr key={e.key} className="tl-row-visit">
                  <td className="mono">{v.actualDate ?? v.expectedDate ?? '—'}</td>
                  <td>
                    <span className="tl-event">
                      <strong>Visit {v.visitCode}</strong> {v.visitName}
                    </span>
                    <span className="tl-sub">
                      {VISIT_STATUS[v.status]} · window {v.windowFrom?.slice(5) ?? '—'} to {v.windowTo?.slice(5) ?? '—'}
                    </span>
                  </td>
                  <td />
                  <td>
                    <FindingLinks findings={v.findings} onOpen={onOpenFinding} />
                  </td>
                </tr>
              );
            }
            const c = timeline.charges[e.index];
            if (!c) return null;
            return (
              <tr key={e.key} data-charge-row={c.chargeId} className={selected === c.chargeId ? 'tl-row-selected' : undefined}>
                <td className="mono">{c.serviceDate}</td>
                <td>
                  <span className="tl-event" title={c.procedureName ?? undefined}>
                    <span className="mono">{c.cptHcpcs}</span> {c.procedureName ?? ''}
                  </span>
                  <span className="tl-sub">
                    {c.chargeId} · {c.billTo === 'STUDY' ? 'study account' : (c.payerName ?? c.billTo.toLowerCase())}
                    {c.visitCode ? ` · ${c.visitCode}` : ''}
                  </span>
                </td>
                <td className="numeric">{formatCents(c.amountCents)}</td>
                <td>
                  <FindingLinks findings={c.findings} onOpen={onOpenFinding} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
