import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { loadDashboard, type DashboardFiling } from '@/db/queries/dashboard';
import { SubjectCards, TodoList, type SubjectCardView, type TodoItem } from './lists';
import { displayStatus } from '@/lib/filings/status';
import { dashboardTodo } from '@/lib/filings/todo';
import { natureLabel, provinceName } from '@/lib/filings/labels';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { ORDER_TYPE_NAMES } from '@/lib/notify/order-emails';
import { FILER_NEXT_STEP } from '@/lib/orders/next-step';
import type { OrderState } from '@/lib/domain/codes';

export const metadata: Metadata = { title: '我的备案' };

const FILER_ACTS: ReadonlySet<OrderState> = new Set(['DRAFT', 'FIRST_REVIEW_REJECTED', 'PENDING_SMS', 'REGULATOR_REJECTED', 'RETURNED']);

export default async function DashboardPage() {
  const user = await requirePageUser(['filer']);
  const filings = await loadDashboard(await getDb(), user.id);
  // 需要处理 leads with the most urgent findings; 整改通知 lists them all. Thirty equal rows would bury the
  // two that are overdue, and every row is server time on every visit (issue 7).
  const todo = dashboardTodo(filings);
  const openFindings = filings.reduce((n, s) => n + s.findings.filter((f) => f.status !== 'access_cancelled').length, 0);
  const openOrders = filings.filter((s) => s.openOrder).length;
  // Orders waiting for the filer (a draft to finish, a rejection to answer, an SMS code to enter).
  const ordersToAct = filings.flatMap((s) => (s.openOrder && FILER_ACTS.has(s.openOrder.state) ? [{ s, o: s.openOrder }] : []));

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">我的备案</h1>
        <p className="mt-1 text-sm text-slate-600">您名下的备案主体与网站，以及需要处理的整改事项。</p>
      </div>

      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Stat label="待整改事项" value={openFindings} tone={openFindings ? 'text-amber-800' : 'text-slate-900'} />
        <Stat label="进行中的订单" value={openOrders} />
        <Stat label="备案主体" value={filings.length} />
      </dl>

      <section aria-labelledby="todo">
        <h2 id="todo" className="mb-3 text-lg font-semibold">需要处理</h2>
        {ordersToAct.length > 0 ? (
          <ul aria-label="等待您操作的订单" className="mb-3 divide-y divide-blue-100 rounded-lg border border-blue-200 bg-blue-50">
            {ordersToAct.map(({ s, o }) => (
              <li key={o.id} className="flex flex-wrap items-center gap-3 p-4">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-blue-950">
                    {ORDER_TYPE_NAMES[o.type]}订单 {o.number}（{ORDER_STATE_LABELS[o.state]}）
                  </p>
                  <p className="text-sm text-blue-900">{s.name} · 下一步：{FILER_NEXT_STEP[o.state]}</p>
                </div>
                <Link
                  href={`/orders/${o.id}`}
                  aria-label={`${o.state === 'DRAFT' ? '继续填写' : '处理订单'}：${ORDER_TYPE_NAMES[o.type]}订单 ${o.number}`}
                  className="btn-primary"
                >
                  {o.state === 'DRAFT' ? '继续填写' : '处理订单'}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {todo.total === 0 ? (
          <p className="rounded border border-green-200 bg-green-50 p-4 text-sm text-green-900">
            暂无待整改事项，您的备案信息核查均已通过。收到新的整改通知时，我们会通过邮件告知您，并在这里列出。
          </p>
        ) : (
          <>
            <TodoList items={todo.shown.map(todoItem)} now={new Date().toISOString()} />
            {todo.total > todo.shown.length ? (
              <p className="mt-3 text-sm text-slate-700">
                以上为截止日期最近的 {todo.shown.length} 项，另有 {todo.total - todo.shown.length} 项。{' '}
                <Link href="/notices" className="font-medium text-brand-700 underline">
                  到整改通知查看全部不合格项
                </Link>
              </p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="filings" className="space-y-4">
        <h2 id="filings" className="text-lg font-semibold">备案信息</h2>
        {filings.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">
            您名下暂无备案主体。如备案在其他账号下，请使用该账号登录；如您的网站尚未备案，需先办理首次备案。
          </p>
        ) : (
          <SubjectCards subjects={filings.map(subjectCard)} />
        )}
      </section>
    </div>
  );
}

function Stat({ label, value, tone = 'text-slate-900' }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold ${tone}`}>{value}</dd>
    </div>
  );
}

function todoItem({ subject: s, finding: f }: { subject: DashboardFiling; finding: DashboardFiling['findings'][number] }): TodoItem {
  const w = f.websiteId ? s.websites.find((site) => site.id === f.websiteId) : undefined;
  const cancelled = f.status === 'access_cancelled';
  const title = cancelled ? `${s.name} 已被取消接入（超期未整改）` : FINDING_CATALOGUE[f.code].notice;
  return { id: f.id, cancelled, title, status: f.status, name: w?.name ?? s.name, icpNumber: w?.icpNumber ?? s.icpNumber, deadline: f.deadline };
}

function subjectCard(s: DashboardFiling): SubjectCardView {
  const o = s.openOrder;
  return {
    id: s.id,
    name: s.name,
    meta: `主体备案号 ${s.icpNumber} · ${natureLabel(s.nature)} · ${provinceName(s.provinceCode)}`,
    status: displayStatus(s.status, s.findings),
    order: o
      ? {
          href: `/orders/${o.id}`,
          text: `进行中：${ORDER_TYPE_NAMES[o.type]}订单 ${o.number}（${ORDER_STATE_LABELS[o.state]}）— 下一步：${FILER_NEXT_STEP[o.state]}`,
          link: o.state === 'DRAFT' ? '继续填写' : '查看订单',
        }
      : null,
    websites: s.websites.map((w) => ({
      icpNumber: w.icpNumber,
      name: w.name,
      domains: w.domains.join('、'),
      ips: w.ips.join('、') || '—',
      status: displayStatus(w.status, s.findings.filter((f) => f.websiteId === w.id)),
    })),
  };
}
