import type { Metadata } from 'next';
import { requirePageUser } from '@/app/_server/session';
import { getDbHandle } from '@/db/client';
import { ownerDashboard } from '@/db/owner-cache';
import type { DashboardFiling } from '@/db/queries/dashboard';
import type { SubjectCardView, TodoItem } from './lists';
import { Dashboard, type DashboardView } from './dashboard-view';
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
  const filings = await ownerDashboard(await getDbHandle(), user.id);
  // 需要处理 leads with the most urgent findings; 整改通知 lists them all. Thirty equal rows would bury the
  // two that are overdue, and every row is server time on every visit.
  const todo = dashboardTodo(filings);
  const openFindings = filings.reduce((n, s) => n + s.findings.filter((f) => f.status !== 'access_cancelled').length, 0);
  const openOrders = filings.filter((s) => s.openOrder).length;
  // Orders waiting for the filer (a draft to finish, a rejection to answer, an SMS code to enter).
  const ordersToAct = filings.flatMap((s) => (s.openOrder && FILER_ACTS.has(s.openOrder.state) ? [{ s, o: s.openOrder }] : []));

  const view: DashboardView = {
    stats: { openFindings, openOrders, subjects: filings.length },
    ordersToAct: ordersToAct.map(({ s, o }) => ({
      id: o.id,
      order: `${ORDER_TYPE_NAMES[o.type]}订单 ${o.number}`,
      state: ORDER_STATE_LABELS[o.state],
      detail: `${s.name} · 下一步：${FILER_NEXT_STEP[o.state]}`,
      draft: o.state === 'DRAFT',
    })),
    todo: { items: todo.shown.map(todoItem), more: todo.total - todo.shown.length, now: new Date().toISOString() },
    subjects: filings.map(subjectCard),
  };
  return <Dashboard view={view} />;
}

function todoItem({ subject: s, finding: f }: { subject: DashboardFiling; finding: DashboardFiling['findings'][number] }): TodoItem {
  const w = f.websiteId ? s.websites.find((site) => site.id === f.websiteId) : undefined;
  const cancelled = f.status === 'access_cancelled';
  // A website cancelled on its own (its findings alone were overdue) is named; the subject keeps its access.
  const siteOnly = cancelled && s.status !== 'access_cancelled' && w;
  const title = cancelled ? (siteOnly ? `${s.name} 的网站“${w.name}”已被取消接入（超期未整改）` : `${s.name} 已被取消接入（超期未整改）`) : FINDING_CATALOGUE[f.code].notice;
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
