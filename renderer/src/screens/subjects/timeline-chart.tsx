/**
 * The subject's timeline as one SVG time axis: the study period (consent, start, off study), each
 * visit's expected window as a band with its expected day and the CTMS date, and every charge as a
 * marker coloured and shaped by the worst open finding on it (shape and legend carry the meaning
 * without colour). Charges are focusable; choosing one highlights it in the list.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { SubjectTimeline } from '../../../../shared/contract/subjects.ts';
import { formatCents } from '../../../../shared/domain/money.ts';
import type { Severity } from '../../../../shared/rules/catalogue.ts';
import { dateScale, inExtent, monthTicks, packLanes, stackSameDay, timelineExtent, worstOpenSeverity } from './timeline-scale.ts';

const LEFT = 96;
const RIGHT_PAD = 16;
const AXIS = 28;
const LANE = 22;
const PERIOD_Y = AXIS + 22;

/** Month ticks with a label only where it fits (52 px from the previous label, inside the chart). */
function labelTicks(ticks: readonly { date: string; label: string; at: number }[], width: number): { date: string; label: string; at: number; labelled: boolean }[] {
  const out: { date: string; label: string; at: number; labelled: boolean }[] = [];
  let last = -Infinity;
  for (const t of ticks) {
    const labelled = t.at - last >= 52 && t.at + 44 < width;
    if (labelled) last = t.at;
    out.push({ ...t, labelled });
  }
  return out;
}

export interface TimelineChartProps {
  readonly timeline: SubjectTimeline;
  readonly today: string;
  readonly selected: string | null;
  readonly onSelect: (chargeId: string) => void;
}

function Marker({ severity, x, y }: { readonly severity: Severity | null; readonly x: number; readonly y: number }) {
  const cls = `tl-charge tl-${severity ?? 'none'}`;
  if (severity === 'critical') return <path className={cls} d={`M${x} ${y - 7} L${x + 7} ${y} L${x} ${y + 7} L${x - 7} ${y} Z`} />;
  if (severity === 'warning') return <path className={cls} d={`M${x} ${y - 7} L${x + 7} ${y + 6} L${x - 7} ${y + 6} Z`} />;
  if (severity === 'review') return <rect className={cls} x={x - 5.5} y={y - 5.5} width={11} height={11} />;
  return <circle className={cls} cx={x} cy={y} r={4.5} />;
}

export function TimelineChart({ timeline, today, selected, onSelect }: TimelineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const measure = (): void => setWidth(Math.max(el.clientWidth, 480));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const extent = timelineExtent(timeline, today);
  const x = dateScale(extent, LEFT, width - RIGHT_PAD);
  // Windows of visits expected after the shown range are left out; one reaching past its edge is cut there.
  const clip = (d: string): string => (d < extent.from ? extent.from : d > extent.to ? extent.to : d);
  const windows = timeline.visits
    .filter((v) => v.windowFrom !== null && v.windowTo !== null && v.windowFrom <= extent.to)
    .map((v) => ({ v, x0: x(clip(v.windowFrom ?? extent.from)), x1: x(clip(v.windowTo ?? extent.to)) }));
  const ticks = labelTicks(monthTicks(extent).map((t) => ({ ...t, at: x(t.date) })), width);
  // A window's lane must also leave room for its label, written after the band.
  const lanes = packLanes(windows.map((w) => ({ x0: w.x0 - 6, x1: Math.max(w.x1, w.x0 + 6) + 8 + w.v.visitCode.length * 7 })));
  const laneCount = Math.max(...lanes, 0) + 1;
  const visitsTop = PERIOD_Y + 38;
  const chargesTop = visitsTop + laneCount * LANE + 18;
  const stack = stackSameDay(timeline.charges);
  const height = chargesTop + Math.max(...stack, 0) * 14 + 34;
  const periodEnd = timeline.offStudyDate ?? extent.to;

  return (
    <div ref={box} className="tl-chart">
      <svg width={width} height={height} role="img" aria-labelledby="tl-chart-title" className="tl-svg">
        <title id="tl-chart-title">
          Timeline of subject {timeline.subjectId}: consent {timeline.consentDate}, {timeline.visits.length} visits, {timeline.charges.length} charges
        </title>
        {ticks.map((t) => (
          <g key={t.date}>
            <line className="tl-grid" x1={t.at} x2={t.at} y1={AXIS - 6} y2={height - 8} />
            {t.labelled && (
              <text className="tl-tick" x={t.at + 3} y={AXIS - 10}>
                {t.label}
              </text>
            )}
          </g>
        ))}
        <text className="tl-lane-label" x={8} y={PERIOD_Y + 4}>
          Study period
        </text>
        <rect className="tl-period" x={x(timeline.consentDate)} y={PERIOD_Y - 5} width={Math.max(x(periodEnd > extent.to ? extent.to : periodEnd) - x(timeline.consentDate), 2)} height={10} rx={3} />
        {(
          [
            ['Consent', timeline.consentDate, PERIOD_Y - 9],
            ['Start', timeline.startDate, PERIOD_Y + 19],
            ['Off study', timeline.offStudyDate, PERIOD_Y + 19],
          ] as const
        ).map(([label, date, labelY]) =>
          date && inExtent(extent, date) ? (
            <g key={label}>
              <line className="tl-milestone" x1={x(date)} x2={x(date)} y1={PERIOD_Y - 8} y2={PERIOD_Y + 8} />
              <text className="tl-milestone-label" x={x(date) + 4} y={labelY}>
                {label} {date.slice(5)}
              </text>
            </g>
          ) : null,
        )}
        <text className="tl-lane-label" x={8} y={visitsTop + 4}>
          Visits
        </text>
        {windows.map(({ v, x0, x1 }, i) => {
          const y = visitsTop + (lanes[i] ?? 0) * LANE;
          return (
            <g key={v.visitCode} className={`tl-visit tl-visit-${v.status.toLowerCase()}`}>
              <title>{`${v.visitCode} ${v.visitName}: window ${v.windowFrom} to ${v.windowTo}, expected ${v.expectedDate}; ${v.actualDate ? `${v.status.toLowerCase()} ${v.actualDate}` : 'no CTMS visit'}`}</title>
              <rect className="tl-window" x={x0} y={y - 6} width={Math.max(x1 - x0, 3)} height={12} rx={3} />
              {v.expectedDate && <line className="tl-expected" x1={x(v.expectedDate)} x2={x(v.expectedDate)} y1={y - 6} y2={y + 6} />}
              {v.actualDate && v.status === 'COMPLETED' && <circle className="tl-actual" cx={x(v.actualDate)} cy={y} r={3.5} />}
              {v.actualDate && v.status === 'MISSED' && <path className="tl-missed" d={`M${x(v.actualDate) - 4} ${y - 4} L${x(v.actualDate) + 4} ${y + 4} M${x(v.actualDate) + 4} ${y - 4} L${x(v.actualDate) - 4} ${y + 4}`} />}
              {x1 + 8 + v.visitCode.length * 7 < width && (
                <text className="tl-visit-label" x={x1 + 4} y={y + 4}>
                  {v.visitCode}
                </text>
              )}
            </g>
          );
        })}
        <text className="tl-lane-label" x={8} y={chargesTop + 4}>
          Charges
        </text>
        {timeline.charges.map((c, i) => {
          const severity = worstOpenSeverity(c.findings);
          const cx = x(c.serviceDate);
          const cy = chargesTop + (stack[i] ?? 0) * 14;
          const label = `${c.serviceDate} ${c.cptHcpcs} ${formatCents(c.amountCents)}${c.findings.length > 0 ? `: ${c.findings.map((f) => f.rule).join(', ')}` : ''}`;
          return (
            <g
              key={c.chargeId}
              role="button"
              tabIndex={0}
              aria-label={`Charge ${label}`}
              aria-pressed={selected === c.chargeId}
              className={`tl-charge-mark${selected === c.chargeId ? ' tl-selected' : ''}`}
              data-charge-id={c.chargeId}
              data-severity={severity ?? 'none'}
              onClick={() => onSelect(c.chargeId)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(c.chargeId);
                }
              }}
            >
              <title>{label}</title>
              {selected === c.chargeId && <circle className="tl-halo" cx={cx} cy={cy} r={10} />}
              <Marker severity={severity} x={cx} y={cy} />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
