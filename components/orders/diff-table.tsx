import type { DiffRow } from '@/lib/orders/diff';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** Before → after for every changed field (wizard review step and order page): the rows the reviewer sees. */
export function DiffTable({ rows }: { rows: DiffRow[] }) {
  if (rows.length === 0) return <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">没有修改任何信息。</p>;
  return (
    <ScrollRegion label="变更前后对比">
      <table className="w-full min-w-[20rem] border-collapse text-sm">
        <caption className="sr-only">变更前后对比</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-2 pr-3">项目</th>
            <th scope="col" className="py-2 pr-3">变更前</th>
            <th scope="col" className="py-2">变更后</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 text-left font-normal text-slate-700">{r.label}</th>
              <td className="py-2 pr-3 break-all text-slate-600">{r.before ?? '—'}</td>
              <td className="py-2 break-all font-medium text-slate-900">{r.after ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A 注销's confirmation is what the filer agreed to, not a change of the filing: shown as such, never as a row. */
export function CancelConfirmation({ typeLabel }: { typeLabel: string }) {
  return (
    <p className="mt-3 flex items-start gap-2 rounded border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800">
      <span aria-hidden className="font-semibold text-green-800">✓</span>
      <span>已确认：我已了解办理{typeLabel}的后果，确认办理{typeLabel}。</span>
    </p>
  );
}
