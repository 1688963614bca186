/** Open receivables per sponsor as stacked bars by aging bucket; the table next to it carries the same numbers as text. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SponsorAging } from '../../../../shared/invoicing/report-types.ts';
import { AGING_BUCKETS, AGING_LABELS, formatCents } from './format.ts';

// Greens to reds from current to oldest; the legend and the table name each bucket, so colour is never the only cue.
const COLORS = { notDue: '#7aa6c2', d0to30: '#5f9e6e', d31to60: '#d9a441', d61to90: '#d9713a', over90: '#b33a3a' } as const;

export function AgingChart({ sponsors }: { readonly sponsors: readonly SponsorAging[] }) {
  const data = sponsors.map((s) => ({ sponsor: s.sponsor, ...Object.fromEntries(AGING_BUCKETS.map((b) => [b, s.amounts[b] / 100])) }));
  return (
    <div className="inv-chart" role="img" aria-label="Open receivables per sponsor by days past due">
      <ResponsiveContainer width="100%" height={Math.max(160, 60 + sponsors.length * 44)}>
        <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24, top: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => formatCents(Math.round(v * 100)).replace(/\.00$/, '')} />
          <YAxis type="category" dataKey="sponsor" width={220} />
          <Tooltip formatter={(v) => formatCents(Math.round(Number(v) * 100))} />
          <Legend itemSorter={null} />
          {AGING_BUCKETS.map((b) => (
            <Bar key={b} dataKey={b} name={AGING_LABELS[b]} stackId="aging" fill={COLORS[b]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
