import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { cancelAccessImpact, listOverdueFilings } from '@/db/cancel-access';
import { PageTitle, TableCard, Td, Th, card, linkClass, primaryButton } from '@/components/admin/ui';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { ORDER_TYPE_LABELS } from '@/lib/remediation';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { daysUntil } from '@/lib/time';
import { cancelAccessAction } from './actions';

export const metadata = { title: '取消接入' };

const STOP = { abandon: '将先放弃此订单', withdraw: '将先撤销此订单' } as const;

export default async function CancelAccessPage({ searchParams }: { searchParams: Promise<{ s?: string | string[]; done?: string; sites?: string }> }) {
  await requirePageUser(['admin']);
  const sp = await searchParams;
  const selected = (Array.isArray(sp.s) ? sp.s : sp.s ? [sp.s] : []).filter((id) => /^[0-9a-f-]{36}$/.test(id));
  const db = await getDb();
  if (selected.length > 0) {
    const impact = await cancelAccessImpact(db, selected);
    const blocked = impact.filter((i) => i.openOrders.some((o) => !o.stop));
    return (
      <div className="space-y-4">
        <nav aria-label="面包屑" className="text-sm text-slate-600">
          <Link href="/admin/cancel-access" className="underline">取消接入</Link> / 确认
        </nav>
        <PageTitle title="确认取消接入" />
        <p role="note" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          取消接入立即生效，<strong>不可撤销</strong>：以下网站将停止接入，其未解决的不合格项随之关闭，待处理的复核和延期申请随之结束；有主体层面逾期项的主体整体取消接入，只有网站逾期的只取消这些网站的接入。备案用户需按“已取消接入”的指引重新办理接入备案。
        </p>
        {impact.length === 0 ? <p className="text-sm text-slate-700">所选主体已不在逾期列表中（可能已处理）。</p> : null}
        <ul className="space-y-3" aria-label="将受影响的主体">
          {impact.map((i) => (
            <li key={i.subjectId} className={`${card} p-4 text-sm`}>
              <h2 className="text-base font-semibold">{i.name} <span className="font-normal text-slate-600">{i.icpNumber}</span></h2>
              <p className="mt-1">范围：{i.scope === 'subject' ? '整个主体（有主体层面的逾期不合格项）' : '仅逾期的网站（主体及其他网站不受影响）'}</p>
              <p className="mt-1">未解决的不合格项：{i.unresolvedFindings} 项（将关闭为“已取消接入”）</p>
              <h3 className="mt-2 font-medium">停止接入的网站（{i.websites.length}）</h3>
              <ul className="list-disc pl-5">
                {i.websites.map((w) => <li key={w.icpNumber}>{w.name}（{w.icpNumber}）：{w.domains.join('、') || '无域名'}</li>)}
              </ul>
              <h3 className="mt-2 font-medium">进行中的订单</h3>
              {i.openOrders.length === 0 ? <p className="text-slate-600">无</p> : (
                <ul className="list-disc pl-5">
                  {i.openOrders.map((o) => (
                    <li key={o.id} className={o.stop ? '' : 'text-red-800'}>
                      {o.number} {ORDER_TYPE_LABELS[o.type as keyof typeof ORDER_TYPE_LABELS]}（{ORDER_STATE_LABELS[o.state]}）：{o.stop ? STOP[o.stop] : '管局审核中，不能取消接入，请待管局审核结束后再处理'}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        {impact.length > blocked.length ? (
        <ActionForm action={cancelAccessAction} className={`${card} p-4`} label="确认取消接入">
          {impact.filter((i) => !blocked.includes(i)).map((i) => <input key={i.subjectId} type="hidden" name="s" value={i.subjectId} />)}
          <p className="mb-2 text-sm">
            将对 {impact.length - blocked.length} 个主体取消接入{blocked.length ? `（${blocked.length} 个因订单在管局审核中不能取消接入）` : ''}。
          </p>
          <label htmlFor="cancel-reason" className="mb-1 block text-sm font-medium">取消接入的原因（必填，将写入订单记录并通过邮件告知备案用户）</label>
          <textarea id="cancel-reason" name="reason" required minLength={4} maxLength={500} rows={3} className="mb-3 block w-full rounded border border-slate-400 px-2 py-1.5 text-sm" placeholder="例如：整改期限已过仍未完成整改，经电话催办未果。" />
          <label className="mb-3 flex items-start gap-2 text-sm">
            <input type="checkbox" name="confirm" value="yes" required className="mt-1" />
            <span>我已核对以上受影响的主体、网站、域名和订单，知悉取消接入立即生效且不可撤销。</span>
          </label>
          <div className="flex flex-wrap gap-3">
            <SubmitButton pendingText="正在取消接入…" className="rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60">
              确认取消接入
            </SubmitButton>
            <Link href="/admin/cancel-access" className={`self-center text-sm ${linkClass}`}>返回重新选择</Link>
          </div>
        </ActionForm>
        ) : (
          <Link href="/admin/cancel-access" className={`text-sm ${linkClass}`}>返回逾期列表</Link>
        )}
      </div>
    );
  }
  const overdue = await listOverdueFilings(db);
  const done = Number(sp.done);
  const sites = Number(sp.sites);
  return (
    <div className="space-y-4">
      <PageTitle title="取消接入" />
      {Number.isInteger(done) && done > 0 ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          已对 {done} 个主体取消接入{Number.isInteger(sites) && sites > 0 ? `（其中 ${sites} 个网站单独取消接入，所属主体的其他网站不受影响）` : ''}，备案用户将收到邮件通知。
        </p>
      ) : null}
      <p className="text-sm text-slate-700">以下主体有超过整改期限仍未解决的不合格项。选择一个或多个主体，下一步会列出将受影响的网站、域名和订单，确认后才会执行。</p>
      <form method="get" aria-label="选择要取消接入的主体">
        <TableCard caption="逾期未整改的主体">
          <thead className="bg-slate-50"><tr><Th className="w-16">选择</Th><Th>备案主体</Th><Th>逾期不合格项</Th><Th>最早期限</Th></tr></thead>
          <tbody>
            {overdue.map((o) => {
              const days = daysUntil(o.earliest);
              return (
                <tr key={o.subjectId} className="border-t border-slate-100">
                  <Td><input type="checkbox" name="s" value={o.subjectId} id={`s-${o.subjectId}`} aria-label={`选择 ${o.name}`} /></Td>
                  <Td>
                    <label htmlFor={`s-${o.subjectId}`}>{o.name}</label>
                    <div className="text-xs text-slate-600">{o.icpNumber} · <Link href={`/admin/subjects/${o.subjectId}`} className={linkClass}>详情</Link></div>
                  </Td>
                  <Td>{o.overdue} 项</Td>
                  <Td className="text-red-700">{o.earliest}（已逾期 {Math.max(0, -days)} 天）</Td>
                </tr>
              );
            })}
            {overdue.length === 0 ? <tr><Td className="text-slate-600">目前没有逾期未整改的主体。</Td></tr> : null}
          </tbody>
        </TableCard>
        {overdue.length > 0 ? <button type="submit" className={`mt-3 ${primaryButton}`}>下一步：确认影响范围</button> : null}
      </form>
    </div>
  );
}
