import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getOrderForReview } from '@/db/queries/review-order';
import { queueNeighbours } from '@/db/queries/review-queue';
import { recordPiiView } from '@/db/review/decide';
import { claimOrder } from '@/db/review/claims';
import { Badge } from '@/components/ui/status-badge';
import { Item } from '@/components/ui/item';
import { diffView } from '@/lib/orders/diff';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { ORDER_TYPE_NAMES } from '@/lib/notify/order-emails';
import { REJECTION_REASONS } from '@/lib/remediation/rejection-reasons';
import { REVIEW_CHECKLIST } from '@/lib/remediation/review-checklist';
import { rejectedFields } from '@/lib/orders/rejection-fields';
import { provinceName } from '@/lib/filings/labels';
import { maskIdNumber } from '@/lib/privacy/mask';
import { formatDateTime } from '@/lib/time';
import { formatDuration, slaStatus } from '@/lib/review/sla';
import { STAFF_STATE_TEXT, conclusionText } from '@/lib/review/staff-text';
import { parseQueueFilter, queueQuery, withQuery } from '@/lib/review/queue-filter';
import { DecisionPanel } from './decision-panel';
import { ProvinceRules } from './province-rules';
import { ClaimBanner } from './claim-banner';
import { ReviewShortcuts, ShortcutHelp } from './shortcuts';
import { DiffSection, Events, FindingsSection, MaterialsSection, RejectionSection, STATE_TONE, SubjectHistory } from './sections';
import { PhoneProcedure } from './phone-procedure';
import { phoneAttemptsOf } from '@/db/review/phone';

export const metadata: Metadata = { title: '订单初审' };

type Search = Record<string, string | string[] | undefined>;

export default async function ReviewOrderPage({ params, searchParams }: { params: Promise<{ orderId: string }>; searchParams: Promise<Search> }) {
  const user = await requirePageUser(['reviewer', 'admin']);
  const { orderId } = await params;
  const sp = await searchParams;
  const db = await getDb();
  const data = await getOrderForReview(db, orderId);
  if (!data) notFound();
  const { order, current } = data;
  const now = new Date();
  const filter = parseQueueFilter(sp);
  const query = queueQuery(filter);
  const rows = diffView(current, order.payload);
  const sensitive = rows.filter((r) => r.sensitive);
  // A full 身份证号 is shown only on request, and every such view is recorded.
  const showPii = sp.pii === '1' && sensitive.length > 0;
  if (showPii) await recordPiiView(db, { orderId: order.id, actor: user, subjectId: order.subjectId, fields: sensitive.map((r) => r.field) });
  const show = (v: string | null, masked: boolean) => (v === null ? '—' : masked && !showPii ? maskIdNumber(v) : v);
  const waiting = order.state === 'SUBMITTED';
  // Opening a waiting order claims it, unless another reviewer's claim still runs.
  const claim = waiting ? await claimOrder(db, { orderId: order.id, actor: user, now }) : null;
  const neighbours = order.submittedAt ? await queueNeighbours(db, { ...filter, now }, { submittedAt: order.submittedAt, id: order.id }) : { prev: null, next: null };
  const lastDecision = [...data.events].reverse().find((e) => e.fromState === 'SUBMITTED');
  // The waiting clock stops at the decision.
  const sla = order.submittedAt ? slaStatus(order.submittedAt, !waiting && lastDecision ? lastDecision.at : now) : null;
  const rejection = rejectedFields(order, order.rejection ?? []);
  const queueHref = withQuery('/review', query);
  const orderHref = (id: string | null) => (id ? withQuery(`/review/${id}`, query) : null);
  const done = typeof sp.done === 'string' && /^BA\d{8,14}$/.test(sp.done) ? sp.done : null;

  return (
    <div className="space-y-6">
      <ReviewShortcuts next={orderHref(neighbours.next)} prev={orderHref(neighbours.prev)} queue={queueHref} />
      <nav aria-label="面包屑" className="flex flex-wrap items-center gap-x-4 text-sm text-slate-600">
        <span><Link href={queueHref} className="underline">初审队列</Link> / {order.number}</span>
        {neighbours.prev ? <Link href={orderHref(neighbours.prev)!} className="underline">上一单</Link> : null}
        {neighbours.next ? <Link href={orderHref(neighbours.next)!} className="underline">下一单</Link> : null}
      </nav>
      {done ? <p role="status" className="rounded border border-green-200 bg-green-50 p-3 text-sm text-green-900">订单 {done} 的初审结论已提交，这是同一筛选条件下的下一单。</p> : null}
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{ORDER_TYPE_NAMES[order.type]}订单 {order.number}</h1>
          <Badge tone={STATE_TONE[order.state]}>{ORDER_STATE_LABELS[order.state]}</Badge>
          {sla && waiting ? (
            sla.overdue ? <Badge tone="red" icon="!">已超时</Badge> : <span className="text-sm text-slate-600">{formatDateTime(sla.dueAt)} 前完成初审</span>
          ) : null}
        </div>
        <p className="text-sm text-slate-700">{STAFF_STATE_TEXT[order.state]}</p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
            <Item label="备案主体" value={data.subject?.name ?? current.subject?.name ?? (order.payload.type === 'FIRST_FILING' ? order.payload.subject.name : '—')} />
            <Item label="主体备案号" value={data.subject?.icpNumber ?? '首次备案（尚无备案号）'} />
            <Item label="网站" value={data.website ? `${data.website.name}（${data.website.icpNumber}）` : '—'} />
            <Item label="所属省份" value={provinceName(order.provinceCode)} />
            <Item label="主体负责人（现）" value={current.subjectPrincipal?.name ?? '—'} />
            <Item label="法定代表人（现）" value={current.subject?.legalRepName ?? '未登记'} />
            <Item label="提交人" value={data.owner ? `${data.owner.name}（${data.owner.email}）` : '—'} />
            <Item
              label="提交时间"
              value={order.submittedAt ? `${formatDateTime(order.submittedAt)}（${waiting ? '已等待' : '初审用时'} ${formatDuration(sla?.waitingMs ?? 0)}）` : '未提交'}
            />
          </dl>
          <RejectionSection entries={rejection} note={order.rejectionNote} />
          <DiffSection orderId={order.id} rows={rows} showPii={showPii} show={show} />
          <MaterialsSection materials={data.materials} />
          <FindingsSection findings={data.findings} />
          <ProvinceRules code={order.provinceCode} />
          <section aria-labelledby="events-h">
            <h2 id="events-h" className="mb-2 text-lg font-semibold">订单历史</h2>
            <Events events={data.events} />
          </section>
          <SubjectHistory orders={data.history.orders} audit={data.history.audit} />
        </div>

        <aside aria-labelledby="decide-h" className="space-y-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <h2 id="decide-h" className="text-lg font-semibold">初审结论</h2>
          {waiting ? (
            <>
              {claim ? <ClaimBanner orderId={order.id} holder={claim.reviewerName} mine={claim.mine} expiresAt={claim.expiresAt.toISOString()} /> : null}
              <PhoneProcedure orderId={order.id} attempts={await phoneAttemptsOf(db, order.id)} />
              <DecisionPanel
                orderId={order.id}
                queue={query}
                disabled={!!claim && !claim.mine}
                checklist={REVIEW_CHECKLIST.map((c) => ({ value: c.id, label: c.label }))}
                reasons={REJECTION_REASONS.map((r) => ({ value: r.code, label: r.reason, field: r.field, fix: r.fix }))}
                fields={[...rows.map((r) => ({ value: r.field, label: r.label })), ...(rows.some((r) => r.field === 'materials') ? [] : [{ value: 'materials', label: '上传材料' }])]}
              />
            </>
          ) : lastDecision ? (
            <p role="status" className="rounded border border-slate-300 bg-slate-50 p-3 text-sm">
              {conclusionText(lastDecision.event)}：由{lastDecision.actor ?? '系统'}于 {formatDateTime(lastDecision.at)} 作出。
            </p>
          ) : (
            <p className="rounded border border-slate-300 bg-slate-50 p-3 text-sm">此订单不在初审队列中。</p>
          )}
          {neighbours.next ? (
            <p className="text-sm"><Link href={orderHref(neighbours.next)!} className="text-brand-700 underline">跳过，看下一单</Link></p>
          ) : null}
          <ShortcutHelp />
        </aside>
      </div>
    </div>
  );
}
