/**
 * The dashboard's four charts (recharts): dollars at risk by rule and by study (split into
 * compliance exposure, denial risk, revenue leakage and review), open findings by age, and findings
 * by month. Bars of rules and studies open the queue filtered to them.
 */
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AtRiskByRule } from '../../../../shared/contract/findings-insights.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import { formatCents } from '../../../../shared/domain/money.ts';
import { CATEGORY_COLOR, CATEGORY_LABEL, SEVERITY_COLOR, SEVERITY_LABEL } from '../findings/finding-labels.ts';
import { CATEGORIES, SEVERITIES, compactDollars, monthLabel, type AgeBar, type StudyBar, type TrendRow } from './dashboard-data.ts';

const dollars = (v: unknown): string => formatCents(Math.round(Number(v) * 100));
const AXIS_TICK = { fontSize: 12, fill: '#556272' };

export function RuleChart({ rules, onRule }: { readonly rules: readonly AtRiskByRule[]; readonly onRule: (rule: string) => void }) {
  const data = rules.map((r) => ({ rule: r.rule, title: r.title, dollars: r.amountCents / 100, count: r.count, category: r.category }));
  return (
    <>
    <ResponsiveContainer width="100%" height={Math.max(200, 40 + data.length * 26)}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={compactDollars} tick={AXIS_TICK} />
        <YAxis type="category" dataKey="rule" width={72} tick={AXIS_TICK} />
        <Tooltip formatter={(v, _n, item) => [`${dollars(v)} · ${formatCount(Number((item.payload as { count: number }).count))} findings`, String((item.payload as { title: string }).title)]} />
        <Bar dataKey="dollars" name="Dollars at risk" isAnimationActive={false} cursor="pointer" onClick={(bar) => onRule(String((bar.payload as { rule: string }).rule))}>
          {data.map((d) => (
            <Cell key={d.rule} fill={CATEGORY_COLOR[d.category]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
    <ul className="category-legend">
      {CATEGORIES.map((c) => (
        <li key={c}>
          <span className="category-swatch" style={{ background: CATEGORY_COLOR[c] }} /> {CATEGORY_LABEL[c]}
        </li>
      ))}
    </ul>
    </>
  );
}

export function StudyChart({ studies, onStudy }: { readonly studies: readonly StudyBar[]; readonly onStudy: (study: string) => void }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(200, 70 + studies.length * 40)}>
      <BarChart data={[...studies]} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={compactDollars} tick={AXIS_TICK} />
        <YAxis type="category" dataKey="study" width={96} tick={AXIS_TICK} />
        <Tooltip formatter={(v, name) => [dollars(v), name]} />
        <Legend itemSorter={null} />
        {CATEGORIES.map((c) => (
          <Bar key={c} dataKey={c} name={CATEGORY_LABEL[c]} stackId="study" fill={CATEGORY_COLOR[c]} isAnimationActive={false} cursor="pointer" onClick={(bar) => onStudy(String((bar.payload as { study: string }).study))} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function AgeChart({ ages }: { readonly ages: readonly AgeBar[] }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={[...ages]} margin={{ left: 0, right: 16, top: 4, bottom: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="bucket" tick={AXIS_TICK} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} tickFormatter={(v: number) => formatCount(v)} />
        <Tooltip formatter={(v, name) => [formatCount(Number(v)), name]} />
        <Legend itemSorter={null} />
        {SEVERITIES.map((s) => (
          <Bar key={s} dataKey={s} name={SEVERITY_LABEL[s]} stackId="age" fill={SEVERITY_COLOR[s]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TrendChart({ rows, measure }: { readonly rows: readonly TrendRow[]; readonly measure: 'count' | 'amount' }) {
  const format = (v: unknown): string => (measure === 'count' ? formatCount(Number(v)) : dollars(v));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={[...rows]} margin={{ left: 0, right: 16, top: 4, bottom: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tickFormatter={monthLabel} tick={AXIS_TICK} minTickGap={16} />
        <YAxis tick={AXIS_TICK} tickFormatter={(v: number) => (measure === 'count' ? formatCount(v) : compactDollars(v))} allowDecimals={false} />
        <Tooltip labelFormatter={(m) => monthLabel(String(m))} formatter={(v, name) => [format(v), name]} />
        <Legend itemSorter={null} />
        {CATEGORIES.map((c) => (
          <Bar key={c} dataKey={c} name={CATEGORY_LABEL[c]} stackId="trend" fill={CATEGORY_COLOR[c]} isAnimationActive={false} maxBarSize={48} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
