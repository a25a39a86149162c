import { Badge, type Tone } from '@/components/ui/status-badge';
import { Deadline } from '@/components/deadline';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { FINDING_STATUS_LABELS } from '@/lib/filings/status';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { ORDER_TYPE_NAMES } from '@/lib/notify/order-emails';
import { historyLine } from '@/lib/orders/history';
import { materialKindLabel } from '@/lib/orders/materials';
import { actionLabel } from '@/lib/audit/describe';
import type { RejectedField } from '@/lib/orders/rejection-fields';
import type { FindingCodeValue, FindingStatus, OrderState, OrderTypeValue } from '@/lib/domain/codes';
import { formatDateTime } from '@/lib/time';
import { ScrollRegion } from '@/components/ui/scroll-region';

// The parts of the 订单初审 page below its header, each a section with its own heading.

export const STATE_TONE: Record<OrderState, Tone> = {
  DRAFT: 'slate', SUBMITTED: 'blue', FIRST_REVIEW_REJECTED: 'red', PENDING_SMS: 'amber', REGULATOR_REVIEW: 'blue',
  APPROVED: 'green', REGULATOR_REJECTED: 'red', RETURNED: 'amber', ABANDONED: 'slate', WITHDRAWN: 'slate', EXPIRED: 'slate',
};

export function RejectionSection({ entries, note }: { entries: RejectedField[]; note: string | null }) {
  if (entries.length === 0 && !note) return null;
  return (
    <section aria-labelledby="rejection-h" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
      <h2 id="rejection-h" className="mb-2 text-lg font-semibold text-red-900">驳回原因</h2>
      <ul className="list-disc space-y-1 pl-5">
        {entries.map((r, i) => (
          <li key={i}>
            {r.fieldLabel ? <span className="font-medium">{r.fieldLabel}：</span> : null}
            {r.reason}
            {r.note ? ` 补充说明：${r.note}` : ''}
          </li>
        ))}
      </ul>
      {note ? <p className="mt-2">备注：{note}</p> : null}
    </section>
  );
}

type DiffRow = { field: string; label: string; before: string | null; after: string | null; sensitive?: string };

export function DiffSection({ orderId, rows, showPii, show }: { orderId: string; rows: DiffRow[]; showPii: boolean; show: (v: string | null, masked: boolean) => string }) {
  const sensitive = rows.some((r) => r.sensitive);
  return (
    <section aria-labelledby="diff-h">
      <div className="mb-2 flex flex-wrap items-baseline gap-3">
        <h2 id="diff-h" className="text-lg font-semibold">变更内容</h2>
        {sensitive ? (
          showPii ? (
            <a href={`/review/${orderId}`} className="text-sm text-brand-700 underline">隐藏完整证件号</a>
          ) : (
            // A plain link, not <Link>: it must never be prefetched, since each view of the full number is audited.
            <a href={`/review/${orderId}?pii=1`} className="text-sm text-brand-700 underline">显示完整证件号（将记录查看日志）</a>
          )
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">此订单不改变备案信息。</p>
      ) : (
        <ScrollRegion label="变更前后对比" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm [overflow-wrap:anywhere]">
            <caption className="sr-only">变更前后对比</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">字段</th>
                <th scope="col" className="px-3 py-2 font-medium">变更前</th>
                <th scope="col" className="px-3 py-2 font-medium">变更后</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((r) => (
                <tr key={r.field}>
                  <th scope="row" className="px-3 py-2 font-medium">{r.label}</th>
                  <td className="px-3 py-2 text-slate-600"><del className="decoration-slate-400">{show(r.before, !!r.sensitive)}</del></td>
                  <td className="px-3 py-2 font-medium text-green-900"><ins className="no-underline">{show(r.after, !!r.sensitive)}</ins></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

export function FindingsSection({ findings }: { findings: { id: string; code: FindingCodeValue; status: FindingStatus; deadline: string; observedValue: string | null }[] }) {
  if (findings.length === 0) return null;
  return (
    <section aria-labelledby="findings-h">
      <h2 id="findings-h" className="mb-2 text-lg font-semibold">关联整改事项</h2>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
        {findings.map((f) => (
          <li key={f.id} className="p-3">
            <p className="font-medium">{FINDING_CATALOGUE[f.code].notice}</p>
            <p className="text-slate-600">{FINDING_STATUS_LABELS[f.status]} · 截止 <Deadline date={f.deadline} />{f.observedValue ? ` · 核查结果：${f.observedValue}` : ''}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MaterialsSection({ materials }: { materials: { id: string; kind: string; fileName: string; createdAt: Date }[] }) {
  return (
    <section aria-labelledby="materials-h">
      <h2 id="materials-h" className="mb-2 text-lg font-semibold">材料</h2>
      {materials.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">此订单未上传材料。</p>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {materials.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-2 text-sm">
              <a href={`/materials/${m.id}`} target="_blank" rel="noreferrer" className="block">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our own authorised route, not a static asset */}
                <img src={`/materials/${m.id}`} alt={`${materialKindLabel(m.kind)}：${m.fileName}`} className="h-48 w-full rounded object-contain bg-slate-50" loading="lazy" />
              </a>
              <p className="mt-1 font-medium">{materialKindLabel(m.kind)}</p>
              <p className="text-xs text-slate-600">{m.fileName} · {formatDateTime(m.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Event = { id: number; event: string; toState: string; reason: string | null; actor: string | null; at: Date };

export function Events({ events }: { events: Event[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-700">暂无记录。</p>;
  return (
    <ol className="mt-1 space-y-1 text-sm">
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap gap-x-3">
          <span className="text-slate-600">{formatDateTime(e.at)}</span>
          <span>{e.actor ?? '系统'}</span>
          <span>{historyLine(e.event, e.toState)}</span>
          {e.reason ? <span className="text-slate-700">（{e.reason}）</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function SubjectHistory(props: {
  orders: { id: string; number: string; type: OrderTypeValue; state: OrderState; events: Event[] }[];
  audit: { id: number; action: string; actor: string | null; at: Date }[];
}) {
  return (
    <section aria-labelledby="history-h" className="space-y-4">
      <h2 id="history-h" className="text-lg font-semibold">主体历史</h2>
      {props.orders.length === 0 ? (
        <p className="text-sm text-slate-700">该主体没有其他订单。</p>
      ) : (
        <ul className="space-y-3">
          {props.orders.map((o) => (
            <li key={o.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <h3 className="font-medium">
                {ORDER_TYPE_NAMES[o.type]}订单 {o.number} <Badge tone={STATE_TONE[o.state]}>{ORDER_STATE_LABELS[o.state]}</Badge>
              </h3>
              <Events events={o.events} />
            </li>
          ))}
        </ul>
      )}
      <div>
        <h3 className="mb-2 font-medium">最近操作记录</h3>
        {props.audit.length === 0 ? (
          <p className="text-sm text-slate-700">暂无记录。</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
            {props.audit.map((a) => (
              <li key={a.id} className="flex flex-wrap gap-x-3 p-2">
                <span className="text-slate-600">{formatDateTime(a.at)}</span>
                <span>{a.actor ?? '系统'}</span>
                <span>{actionLabel(a.action)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
