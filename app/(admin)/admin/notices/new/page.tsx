import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { searchSubjects, subjectTargets } from '@/db/queries/admin';
import { PageTitle, card, inputClass, linkClass, primaryButton } from '@/components/admin/ui';
import { FINDING_CATALOGUE, FINDING_CODES } from '@/lib/remediation';
import { addDaysIso, todayIso } from '@/lib/time';
import { NoticeForm } from './notice-form';

export const metadata = { title: '下发整改通知' };

const STATUS = { active: '', access_cancelled: '（已取消接入）', cancelled: '（已注销）' } as const;

export default async function NewNoticePage({ searchParams }: { searchParams: Promise<{ q?: string; subject?: string }> }) {
  await requirePageUser(['admin']);
  const sp = await searchParams;
  const db = await getDb();
  const target = sp.subject && /^[0-9a-f-]{36}$/.test(sp.subject) ? await subjectTargets(db, sp.subject) : null;
  const results = target ? [] : await searchSubjects(db, sp.q ?? '');
  return (
    <div className="space-y-4">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/admin/notices" className="underline">整改通知管理</Link> / 下发整改通知
      </nav>
      <PageTitle title="下发整改通知" />
      {!target ? (
        <section className={`${card} p-4`} aria-labelledby="pick">
          <h2 id="pick" className="mb-2 text-lg font-semibold">第一步：选择备案主体</h2>
          <form method="get" role="search" className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1">
              <label htmlFor="q" className="mb-1 block text-sm font-medium">主体名称或主体备案号</label>
              <input id="q" name="q" defaultValue={sp.q ?? ''} className={inputClass} required />
            </div>
            <button type="submit" className={primaryButton}>查找主体</button>
          </form>
          {sp.q ? (
            results.length === 0 ? (
              <p className="mt-3 text-sm text-slate-700">没有找到匹配“{sp.q}”的备案主体。</p>
            ) : (
              <ul className="mt-3 divide-y divide-slate-100" aria-label="查找结果">
                {results.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span>
                      {s.name} <span className="text-slate-600">{s.icpNumber}{STATUS[s.status]}</span>
                    </span>
                    {s.status === 'active' ? (
                      <Link href={`/admin/notices/new?subject=${s.id}`} className={linkClass} aria-label={`选择 ${s.name}`}>选择</Link>
                    ) : (
                      <span className="text-slate-600">不可下发</span>
                    )}
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </section>
      ) : (
        <section className={`${card} p-4`} aria-labelledby="fill">
          <h2 id="fill" className="text-lg font-semibold">第二步：填写不合格项和整改期限</h2>
          <p className="mb-4 text-sm text-slate-700">
            备案主体：<strong>{target.subject.name}</strong>（{target.subject.icpNumber}）
            <Link href="/admin/notices/new" className={`ml-3 ${linkClass}`}>重新选择</Link>
          </p>
          {target.subject.status !== 'active' ? (
            <p className="text-sm text-red-800">该主体已取消接入或已注销，不能再下发整改通知。</p>
          ) : (
            <NoticeForm
              subjectId={target.subject.id}
              websites={target.websites.map((w) => ({ id: w.id, label: `${w.name}（${w.icpNumber}）`, domains: w.domains.map((d) => ({ id: d.id, name: d.name })) }))}
              codes={FINDING_CODES.map((c) => ({ code: c, notice: FINDING_CATALOGUE[c].notice, scope: FINDING_CATALOGUE[c].scope }))}
              today={todayIso()}
              defaultDeadline={addDaysIso(todayIso(), 30)}
            />
          )}
        </section>
      )}
    </div>
  );
}
