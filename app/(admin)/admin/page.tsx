import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { overviewStats } from '@/db/queries/admin';
import { BarTable } from '@/components/admin/bar-table';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { ORDER_STATES } from '@/lib/domain/codes';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';

export const metadata = { title: '运营概览' };

export default async function AdminHomePage() {
  await requirePageUser(['admin']);
  const { byCode, byState, wait } = await overviewStats(await getDb());
  const states = new Map(byState.map((s) => [s.state, s.n]));
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">运营概览</h1>
        <p className="text-sm text-slate-600">
          <Link href="/admin/deadlines" className="text-brand-700 underline">期限跟踪</Link>
          <span aria-hidden> · </span>
          <Link href="/admin/notices" className="text-brand-700 underline">整改通知管理</Link>
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <BarTable
            caption="初审等待时长（待初审订单）"
            labelHeader="已等待"
            unit="单"
            rows={[
              { label: '不足 4 小时', value: wait.lt4 },
              { label: '4–8 小时', value: wait.h4to8 },
              { label: '8–24 小时', value: wait.h8to24, tone: 'amber' },
              { label: '超过 24 小时（超出 1 个工作日）', value: wait.gt24, tone: 'red' },
            ]}
          />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <BarTable
            caption="订单状态分布"
            labelHeader="状态"
            unit="单"
            rows={ORDER_STATES.map((s) => ({ label: ORDER_STATE_LABELS[s], value: states.get(s) ?? 0, tone: s === 'APPROVED' ? 'slate' : 'brand' }))}
          />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <BarTable
            caption="未解决的不合格项（按类型）"
            labelHeader="不合格项"
            unit="项"
            rows={byCode.map((r) => ({ label: FINDING_CATALOGUE[r.code].notice, value: r.n, tone: 'amber' }))}
          />
        </section>
      </div>
    </div>
  );
}
