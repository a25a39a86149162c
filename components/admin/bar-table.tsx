// A bar chart that is also its own text table: each row has the label (th), a bar (decorative) and the number.
// Plain server-rendered HTML/CSS instead of a chart library: nothing is shipped to the browser, screen readers
// read a real table, and the numbers always sit beside the bars.

export type BarRow = { label: string; value: number; tone?: 'brand' | 'amber' | 'red' | 'slate' };

const TONE = { brand: 'bg-brand-600', amber: 'bg-amber-500', red: 'bg-red-600', slate: 'bg-slate-400' } as const;

export function BarTable({ caption, rows, unit, labelHeader }: { caption: string; rows: BarRow[]; unit: string; labelHeader: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const total = rows.reduce((s, r) => s + r.value, 0);
  return (
    <table className="w-full text-sm">
      <caption className="mb-2 text-left text-base font-semibold">
        {caption}
        <span className="ml-2 text-sm font-normal text-slate-600">
          合计 {total} {unit}
        </span>
      </caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">图示</th>
          <th scope="col">数量（{unit}）</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} className="border-t border-slate-100">
            <th scope="row" className="w-2/5 py-1.5 pr-3 text-left font-normal text-slate-800">
              {r.label}
            </th>
            <td className="py-1.5" aria-hidden>
              <div className="h-3 rounded-sm bg-slate-100">
                <div className={`h-3 rounded-sm ${TONE[r.tone ?? 'brand']}`} style={{ width: `${(r.value / max) * 100}%` }} />
              </div>
            </td>
            <td className="w-16 py-1.5 pl-3 text-right font-medium tabular-nums">{r.value}</td>
          </tr>
        ))}
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3} className="py-2 text-slate-600">
              暂无数据
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
