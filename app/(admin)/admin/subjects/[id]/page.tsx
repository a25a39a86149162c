import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getFilingById, isUuid } from '@/db/queries/filings';
import { subjectOrders } from '@/db/queries/admin';
import { PageTitle, TableCard, Td, Th, card, linkClass } from '@/components/admin/ui';
import { FilingStatusBadge } from '@/components/ui/status-badge';
import { Deadline } from '@/components/deadline';
import { displayStatus, FINDING_STATUS_LABELS } from '@/lib/filings/status';
import { natureLabel, provinceName } from '@/lib/filings/labels';
import { FINDING_CATALOGUE, ORDER_TYPE_LABELS } from '@/lib/remediation';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { OPEN_ORDER_STATES } from '@/lib/domain/codes';
import { formatDateTime } from '@/lib/time';
import { siteNameHint } from '@/lib/checks/data';

export const metadata = { title: '备案主体（运营）' };

export default async function AdminSubjectPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser(['admin']);
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const s = await getFilingById(db, id);
  if (!s) notFound();
  const orders = await subjectOrders(db, id);
  const open = orders.filter((o) => (OPEN_ORDER_STATES as readonly string[]).includes(o.state));
  return (
    <div className="space-y-6">
      <PageTitle title={s.name}>
        <FilingStatusBadge status={displayStatus(s.status, s.findings)} />
      </PageTitle>
      <dl className={`${card} grid grid-cols-1 gap-3 p-4 text-sm sm:grid-cols-3`}>
        <div><dt className="text-slate-600">主体备案号</dt><dd className="font-medium">{s.icpNumber}</dd></div>
        <div><dt className="text-slate-600">主办单位性质</dt><dd className="font-medium">{natureLabel(s.nature)}</dd></div>
        <div><dt className="text-slate-600">所属区域</dt><dd className="font-medium">{provinceName(s.provinceCode)}</dd></div>
        <div><dt className="text-slate-600">进行中的订单</dt><dd className="font-medium">{open.length} 个</dd></div>
      </dl>
      <p className="flex flex-wrap gap-4 text-sm">
        {s.status === 'active' ? <Link href={`/admin/notices/new?subject=${s.id}`} className={linkClass}>向此主体下发整改通知</Link> : null}
        <Link href={`/admin/audit?subject=${encodeURIComponent(s.icpNumber)}`} className={linkClass}>查看此主体的审计日志</Link>
      </p>
      <section aria-labelledby="f">
        <h2 id="f" className="mb-2 text-lg font-semibold">未解决的不合格项</h2>
        {s.findings.length === 0 ? <p className="text-sm text-slate-600">无。</p> : (
          <ul className={`${card} divide-y divide-slate-100 text-sm`}>
            {s.findings.map((f) => (
              <li key={f.id} className="flex flex-wrap gap-3 p-3">
                <span className="flex-1">{FINDING_CATALOGUE[f.code].notice}（{FINDING_STATUS_LABELS[f.status]}）</span>
                <Deadline date={f.deadline} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="w">
        <h2 id="w" className="mb-2 text-lg font-semibold">网站</h2>
        <ul className="space-y-2 text-sm">
          {s.websites.map((w) => (
            <li key={w.id} className={`${card} p-3`}>
              <p className="font-medium">{w.name} <span className="font-normal text-slate-600">{w.icpNumber}</span></p>
              <p className="text-slate-700">域名：{w.domains.map((d) => d.name).join('、') || '—'}</p>
              {siteNameHint(s.nature, w.name) ? <p className="mt-1 text-amber-900">请人工检查：{siteNameHint(s.nature, w.name)}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="o">
        <h2 id="o" className="mb-2 text-lg font-semibold">订单</h2>
        <TableCard caption="此主体的订单">
          <thead className="bg-slate-50"><tr><Th>订单号</Th><Th>类型</Th><Th>状态</Th><Th>创建时间</Th></tr></thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} className="border-t border-slate-100">
                <Td>{o.number}</Td>
                <Td>{ORDER_TYPE_LABELS[o.type]}</Td>
                <Td>{ORDER_STATE_LABELS[o.state]}</Td>
                <Td>{formatDateTime(o.createdAt)}</Td>
              </tr>
            ))}
            {orders.length === 0 ? <tr><Td className="text-slate-600">无。</Td></tr> : null}
          </tbody>
        </TableCard>
      </section>
    </div>
  );
}
