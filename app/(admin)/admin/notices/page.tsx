import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { listNotices } from '@/db/queries/admin';
import { Notice, PageTitle, SubjectLink, TableCard, Td, Th, inputClass, linkClass, primaryButton, secondaryButton } from '@/components/admin/ui';
import { formatDateTime } from '@/lib/time';

export const metadata = { title: '整改通知管理' };

const SOURCES = { manual: '人工下发', import: '批量导入', check: '自动检查' } as const;
type Source = keyof typeof SOURCES;

type Search = { q?: string; source?: string; from?: string; to?: string; before?: string; issued?: string };

export default async function NoticesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageUser(['admin']);
  const sp = await searchParams;
  const source = sp.source && sp.source in SOURCES ? (sp.source as Source) : undefined;
  const date = (s?: string) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
  const { rows, next } = await listNotices(await getDb(), { q: sp.q, source, from: date(sp.from), to: date(sp.to), before: sp.before });
  const keep = new URLSearchParams(Object.entries({ q: sp.q, source, from: date(sp.from), to: date(sp.to) }).filter((e): e is [string, string] => !!e[1]));
  return (
    <div>
      <PageTitle title="整改通知管理">
        <Link href="/admin/notices/new" className={primaryButton}>下发整改通知</Link>
        <Link href="/admin/notices/import" className={secondaryButton}>批量导入检查结果</Link>
      </PageTitle>
      {sp.issued ? <Notice tone="ok">整改通知已下发，通知邮件已加入发送队列。</Notice> : null}
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5" role="search" aria-label="筛选整改通知">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="mb-1 block text-sm font-medium">主体名称或主体备案号</label>
          <input id="q" name="q" defaultValue={sp.q ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="source" className="mb-1 block text-sm font-medium">来源</label>
          <select id="source" name="source" defaultValue={source ?? ''} className={inputClass}>
            <option value="">全部</option>
            {Object.entries(SOURCES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="mb-1 block text-sm font-medium">下发日期从</label>
          <input id="from" name="from" type="date" defaultValue={date(sp.from) ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="mb-1 block text-sm font-medium">至</label>
          <input id="to" name="to" type="date" defaultValue={date(sp.to) ?? ''} className={inputClass} />
        </div>
        <div className="sm:col-span-5">
          <button type="submit" className={primaryButton}>筛选</button>
          <Link href="/admin/notices" className={`ml-3 text-sm ${linkClass}`}>清除筛选</Link>
        </div>
      </form>
      <TableCard caption="整改通知列表">
        <thead className="bg-slate-50">
          <tr>
            <Th>备案主体</Th>
            <Th>不合格项</Th>
            <Th>整改期限</Th>
            <Th>来源</Th>
            <Th>下发时间</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr key={n.id} className="border-t border-slate-100">
              <Td><SubjectLink id={n.subjectId} name={n.subjectName} icp={n.icpNumber} /></Td>
              <Td>{n.findings} 项{n.unresolved < n.findings ? <span className="text-slate-600">（未解决 {n.unresolved}）</span> : null}</Td>
              <Td>{n.deadline}</Td>
              <Td>{SOURCES[n.source]}</Td>
              <Td>{formatDateTime(n.createdAt)}</Td>
            </tr>
          ))}
          {rows.length === 0 ? <tr><Td className="text-slate-600">没有符合条件的整改通知。</Td></tr> : null}
        </tbody>
      </TableCard>
      {next ? (
        <p className="mt-3 text-sm">
          <Link href={`/admin/notices?${keep.toString()}${keep.size ? '&' : ''}before=${encodeURIComponent(next)}`} className={linkClass}>下一页</Link>
        </p>
      ) : null}
    </div>
  );
}
