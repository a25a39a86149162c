import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getOrderForReview } from '@/db/queries/review-order';
import { recordPiiView } from '@/db/review/decide';
import { Badge, type Tone } from '@/components/ui/status-badge';
import { Deadline } from '@/components/deadline';
import { diffOrder } from '@/lib/orders/diff';
import { orderStateExplanation } from '@/lib/orders/state-text';
import { ORDER_EVENT_LABELS, ORDER_STATE_LABELS, type OrderEvent } from '@/lib/orders/state-machine';
import { ORDER_TYPE_NAMES } from '@/lib/notify/order-emails';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { REJECTION_REASONS } from '@/lib/remediation/rejection-reasons';
import { REVIEW_CHECKLIST } from '@/lib/remediation/review-checklist';
import { FINDING_STATUS_LABELS } from '@/lib/filings/status';
import { provinceName } from '@/lib/filings/labels';
import { maskIdNumber } from '@/lib/privacy/mask';
import { formatDateTime } from '@/lib/time';
import { formatDuration, slaStatus } from '@/lib/review/sla';
import type { OrderState } from '@/lib/domain/codes';
import { DecisionPanel } from './decision-panel';
import { ProvinceRules } from './province-rules';
import { PhoneAttemptForm } from './phone-panel';
import { phoneAttemptsOf } from '@/db/review/phone';
import { PHONE_TARGET_LABELS, nextPhoneStep, type PhoneAttempt } from '@/lib/orders/phone-check';
import { Item } from '@/components/ui/item';

export const metadata: Metadata = { title: '订单初审' };

const STATE_TONE: Record<OrderState, Tone> = {
  DRAFT: 'slate', SUBMITTED: 'blue', FIRST_REVIEW_REJECTED: 'red', PENDING_SMS: 'amber', REGULATOR_REVIEW: 'blue',
  APPROVED: 'green', REGULATOR_REJECTED: 'red', RETURNED: 'amber', ABANDONED: 'slate', WITHDRAWN: 'slate', EXPIRED: 'slate',
};
const eventLabel = (e: string) => ORDER_EVENT_LABELS[e as OrderEvent] ?? (e === 'create' ? '创建订单' : e);

export default async function ReviewOrderPage({ params, searchParams }: { params: Promise<{ orderId: string }>; searchParams: Promise<{ pii?: string }> }) {
  const user = await requirePageUser(['reviewer', 'admin']);
  const { orderId } = await params;
  const db = await getDb();
  const data = await getOrderForReview(db, orderId);
  if (!data) notFound();
  const { order, current } = data;
  const rows = diffOrder(current, order.payload);
  const sensitive = rows.filter((r) => r.sensitive);
  // A full 身份证号 is shown only on request, and every such view is recorded.
  const showPii = (await searchParams).pii === '1' && sensitive.length > 0;
  if (showPii) await recordPiiView(db, { orderId: order.id, actor: user, subjectId: order.subjectId, fields: sensitive.map((r) => r.field) });
  const show = (v: string | null, masked: boolean) => (v === null ? '—' : masked && !showPii ? maskIdNumber(v) : v);
  const fieldLabel = new Map(rows.map((r) => [r.field, r.label]));
  const sla = order.submittedAt ? slaStatus(order.submittedAt, new Date()) : null;
  const lastDecision = [...data.events].reverse().find((e) => e.fromState === 'SUBMITTED');

  return (
    <div className="space-y-8">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/review" className="underline">初审队列</Link> / {order.number}
      </nav>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{ORDER_TYPE_NAMES[order.type]}订单 {order.number}</h1>
          <Badge tone={STATE_TONE[order.state]}>{ORDER_STATE_LABELS[order.state]}</Badge>
          {sla && order.state === 'SUBMITTED' ? (
            sla.overdue ? <Badge tone="red" icon="!">已超时</Badge> : <span className="text-sm text-slate-600">{formatDateTime(sla.dueAt)} 前完成初审</span>
          ) : null}
        </div>
        <p className="text-sm text-slate-700">{orderStateExplanation(order.type, order.state)}</p>
      </header>

      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <Item label="备案主体" value={data.subject?.name ?? current.subject?.name ?? (order.payload.type === 'FIRST_FILING' ? order.payload.subject.name : '—')} />
        <Item label="主体备案号" value={data.subject?.icpNumber ?? '首次备案（尚无备案号）'} />
        <Item label="网站" value={data.website ? `${data.website.name}（${data.website.icpNumber}）` : '—'} />
        <Item label="所属省份" value={provinceName(order.provinceCode)} />
        <Item label="主体负责人（现）" value={current.subjectPrincipal?.name ?? '—'} />
        <Item label="法定代表人（现）" value={current.subject?.legalRepName ?? '未登记'} />
        <Item label="提交人" value={data.owner ? `${data.owner.name}（${data.owner.email}）` : '—'} />
        <Item label="提交时间" value={order.submittedAt ? `${formatDateTime(order.submittedAt)}（已等待 ${formatDuration(sla?.waitingMs ?? 0)}）` : '未提交'} />
      </dl>

      {order.state !== 'SUBMITTED' && lastDecision ? (
        <p role="status" className="rounded border border-slate-300 bg-slate-50 p-3 text-sm">
          初审结论：{ORDER_STATE_LABELS[lastDecision.toState as OrderState]}，由{lastDecision.actor ?? '系统'}于 {formatDateTime(lastDecision.at)} 作出。
        </p>
      ) : null}

      {order.rejection?.length ? (
        <section aria-labelledby="rejection-h" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
          <h2 id="rejection-h" className="mb-2 text-lg font-semibold text-red-900">驳回原因</h2>
          <ul className="list-disc space-y-1 pl-5">
            {order.rejection.map((r, i) => (
              <li key={i}>
                {REJECTION_REASONS.find((x) => x.code === r.code)?.reason ?? r.code}
                {r.field ? `（字段：${fieldLabel.get(r.field) ?? r.field}）` : ''}
                {r.note ? ` ${r.note}` : ''}
              </li>
            ))}
          </ul>
          {order.rejectionNote ? <p className="mt-2">备注：{order.rejectionNote}</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="diff-h">
        <div className="mb-2 flex flex-wrap items-baseline gap-3">
          <h2 id="diff-h" className="text-lg font-semibold">变更内容</h2>
          {sensitive.length > 0 ? (
            showPii ? (
              <a href={`/review/${order.id}`} className="text-sm text-brand-700 underline">隐藏完整证件号</a>
            ) : (
              // A plain link, not <Link>: it must never be prefetched, since each view of the full number is audited.
              <a href={`/review/${order.id}?pii=1`} className="text-sm text-brand-700 underline">显示完整证件号（将记录查看日志）</a>
            )
          ) : null}
        </div>
        {rows.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">此订单不改变备案信息。</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
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
          </div>
        )}
      </section>

      {data.findings.length > 0 ? (
        <section aria-labelledby="findings-h">
          <h2 id="findings-h" className="mb-2 text-lg font-semibold">关联整改事项</h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
            {data.findings.map((f) => (
              <li key={f.id} className="p-3">
                <p className="font-medium">{FINDING_CATALOGUE[f.code].notice}</p>
                <p className="text-slate-600">{FINDING_STATUS_LABELS[f.status]} · 截止 <Deadline date={f.deadline} />{f.observedValue ? ` · 核查结果：${f.observedValue}` : ''}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="materials-h">
        <h2 id="materials-h" className="mb-2 text-lg font-semibold">材料</h2>
        {data.materials.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">此订单未上传材料。</p>
        ) : (
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {data.materials.map((m) => (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-2 text-sm">
                <a href={`/materials/${m.id}`} target="_blank" rel="noreferrer" className="block">
                  {/* eslint-disable-next-line @next/next/no-img-element -- served by our own authorised route, not a static asset */}
                  <img src={`/materials/${m.id}`} alt={`${m.kind}：${m.fileName}`} className="h-48 w-full rounded object-contain bg-slate-50" loading="lazy" />
                </a>
                <p className="mt-1">{m.kind}</p>
                <p className="text-xs text-slate-600">{m.fileName} · {formatDateTime(m.createdAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ProvinceRules code={order.provinceCode} />

      {order.state === 'SUBMITTED' ? <PhoneProcedure orderId={order.id} attempts={await phoneAttemptsOf(db, order.id)} /> : null}

      {order.state === 'SUBMITTED' ? (
        <section aria-labelledby="decide-h">
          <h2 id="decide-h" className="mb-2 text-lg font-semibold">初审结论</h2>
          <DecisionPanel
            orderId={order.id}
            checklist={REVIEW_CHECKLIST.map((c) => ({ value: c.id, label: c.label }))}
            reasons={REJECTION_REASONS.map((r) => ({ value: r.code, label: r.reason, field: r.field, fix: r.fix }))}
            fields={[...rows.map((r) => ({ value: r.field, label: r.label })), ...(rows.some((r) => r.field === 'materials') ? [] : [{ value: 'materials', label: '上传材料' }])]}
          />
        </section>
      ) : null}

      <section aria-labelledby="events-h">
        <h2 id="events-h" className="mb-2 text-lg font-semibold">订单历史</h2>
        <Events events={data.events} />
      </section>

      <section aria-labelledby="history-h" className="space-y-4">
        <h2 id="history-h" className="text-lg font-semibold">主体历史</h2>
        {data.history.orders.length === 0 ? (
          <p className="text-sm text-slate-700">该主体没有其他订单。</p>
        ) : (
          <ul className="space-y-3">
            {data.history.orders.map((o) => (
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
          {data.history.audit.length === 0 ? (
            <p className="text-sm text-slate-700">暂无记录。</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
              {data.history.audit.map((a) => (
                <li key={a.id} className="flex flex-wrap gap-x-3 p-2">
                  <span className="text-slate-600">{formatDateTime(a.at)}</span>
                  <span>{a.actor ?? '系统'}</span>
                  <span>{auditLabel(a.action)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}

function auditLabel(action: string): string {
  if (action === 'pii.view') return '查看完整证件号';
  if (action === 'recheck.accept') return '复核通过';
  if (action === 'recheck.return') return '复核退回';
  if (action.startsWith('order.')) return eventLabel(action.slice(6));
  return action;
}

function Events({ events }: { events: { id: number; event: string; toState: string; reason: string | null; actor: string | null; at: Date }[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-700">暂无记录。</p>;
  return (
    <ol className="mt-1 space-y-1 text-sm">
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap gap-x-3">
          <span className="text-slate-600">{formatDateTime(e.at)}</span>
          <span>{e.actor ?? '系统'}</span>
          <span>{eventLabel(e.event)} → {ORDER_STATE_LABELS[e.toState as OrderState] ?? e.toState}</span>
          {e.reason ? <span className="text-slate-700">（{e.reason}）</span> : null}
        </li>
      ))}
    </ol>
  );
}


/** The 初审 phone procedure (001 2.2): the calls made so far and the one due now. */
function PhoneProcedure({ orderId, attempts }: { orderId: string; attempts: PhoneAttempt[] }) {
  const next = nextPhoneStep(attempts, new Date());
  return (
    <section aria-labelledby="phone-h" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="phone-h" className="mb-2 text-lg font-semibold">电话核验</h2>
      <p className="text-slate-700">拨打负责人联系方式1；未接通的，1 小时后再拨；仍未接通，拨打应急联系电话；应急联系电话也无人接听，才以“初审电话无法接通”驳回。</p>
      {attempts.length > 0 ? (
        <ol className="mt-2 list-decimal space-y-1 pl-5">
          {attempts.map((a, i) => (
            <li key={i}>{formatDateTime(a.at)} 拨打{PHONE_TARGET_LABELS[a.target]}：{a.reached ? '接通' : '未接通'}</li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-slate-600">尚未记录拨打。</p>
      )}
      <p className="mt-2 font-medium">
        {next.kind === 'reached' ? '已与负责人取得联系，请按核对清单核实信息。' : null}
        {next.kind === 'call' ? `下一步：拨打${PHONE_TARGET_LABELS[next.target]}。` : null}
        {next.kind === 'wait' ? `下一步：${formatDateTime(next.until)} 后再次拨打联系方式1。` : null}
        {next.kind === 'reject' ? '规程已完成且均未接通：可以“初审电话无法接通”驳回。' : null}
      </p>
      {next.kind === 'call' ? <PhoneAttemptForm orderId={orderId} target={next.target} targetLabel={PHONE_TARGET_LABELS[next.target]} /> : null}
    </section>
  );
}
