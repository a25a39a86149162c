import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { auditPage } from '@/db/queries/admin';
import { PageTitle, TableCard, Td, Th, inputClass, linkClass, primaryButton } from '@/components/admin/ui';
import { AUDIT_ACTIONS, actionLabel, describeAudit } from '@/lib/audit/describe';
import { isAuditAction } from '@/lib/audit/actions';
import { formatDateTime } from '@/lib/time';

export const metadata = { title: '审计日志' };

type Search = { subject?: string; order?: string; actor?: string; action?: string; from?: string; to?: string; before?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageUser(['admin']);
  const sp = await searchParams;
  const date = (s?: string) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
  const db = await getDb();
  const filters = { subject: sp.subject, order: sp.order, actor: sp.actor, action: sp.action && isAuditAction(sp.action) ? sp.action : undefined, from: date(sp.from), to: date(sp.to) };
  const { rows, next } = await auditPage(db, { ...filters, before: Number(sp.before) || undefined });
  const keep = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  const text = (id: string, label: string, value?: string, type = 'text') => (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">{label}</label>
      <input id={id} name={id} type={type} defaultValue={value ?? ''} className={inputClass} />
    </div>
  );
  return (
    <div>
      <PageTitle title="审计日志" />
      <form method="get" role="search" aria-label="筛选审计日志" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        {text('subject', '主体名称或备案号', sp.subject)}
        {text('order', '订单号', sp.order)}
        {text('actor', '操作人（姓名或邮箱）', sp.actor)}
        <div>
          <label htmlFor="action" className="mb-1 block text-sm font-medium">操作</label>
          <select id="action" name="action" defaultValue={filters.action ?? ''} className={inputClass}>
            <option value="">全部</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{actionLabel(a)}</option>)}
          </select>
        </div>
        {text('from', '日期从', date(sp.from), 'date')}
        {text('to', '至', date(sp.to), 'date')}
        <div className="sm:col-span-3 lg:col-span-6">
          <button type="submit" className={primaryButton}>查询</button>
          <Link href="/admin/audit" className={`ml-3 text-sm ${linkClass}`}>清除条件</Link>
        </div>
      </form>
      <TableCard caption="审计事件（最新在前）">
        <thead className="bg-slate-50"><tr><Th>时间</Th><Th>操作人</Th><Th>操作</Th><Th>主体</Th><Th>详情</Th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <Td className="whitespace-nowrap">{formatDateTime(r.createdAt)}</Td>
              <Td>{r.actorName ?? '系统'}{r.actorEmail ? <div className="text-xs text-slate-600">{r.actorEmail}</div> : null}</Td>
              <Td className="whitespace-nowrap">{actionLabel(r.action)}</Td>
              <Td>{r.subjectId && r.subjectName ? <><Link href={`/admin/subjects/${r.subjectId}`} className={linkClass}>{r.subjectName}</Link><div className="text-xs text-slate-600">{r.subjectIcp}</div></> : '—'}</Td>
              <Td>
                {describeAudit(r.action, r.details)}
                {r.action === 'notice.issue' && r.subjectIcp ? (
                  <> <Link href={`/admin/notices?q=${encodeURIComponent(r.subjectIcp)}`} className={linkClass}>查看通知</Link></>
                ) : null}
              </Td>
            </tr>
          ))}
          {rows.length === 0 ? <tr><Td className="text-slate-600">没有符合条件的记录。</Td></tr> : null}
        </tbody>
      </TableCard>
      {next ? (
        <p className="mt-3 text-sm">
          <Link href={`/admin/audit?${keep.toString()}${keep.size ? '&' : ''}before=${next}`} className={linkClass}>更早的记录</Link>
        </p>
      ) : null}
    </div>
  );
}
