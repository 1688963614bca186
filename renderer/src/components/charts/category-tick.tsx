/**
 * An X-axis tick for category bar charts: the label fitted to its bar's slot on up to two lines
 * (see fit-tick-label.ts). Recharts passes the axis width and the number of visible ticks, so the
 * slot is known without measuring the DOM.
 */
import type { XAxisTickContentProps } from 'recharts';
import { fitTickLabel } from './fit-tick-label.ts';

const LINE_HEIGHT_PX = 14;

/** The height the X axis needs for two-line labels. */
export const CATEGORY_AXIS_HEIGHT_PX = 2 * LINE_HEIGHT_PX + 12;

export function CategoryTick({ x, y, width, visibleTicksCount, payload, className }: XAxisTickContentProps) {
  const axisWidth = typeof width === 'number' ? width : Number(width ?? 0);
  const slot = axisWidth > 0 && visibleTicksCount > 0 ? axisWidth / visibleTicksCount - 6 : 80;
  const lines = fitTickLabel(String(payload.value), slot);
  return (
    <text className={className} x={Number(x)} y={Number(y)} textAnchor="middle" fontSize={12} fill="#4b5563">
      <title>{String(payload.value)}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x)} dy={i === 0 ? 12 : LINE_HEIGHT_PX}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
