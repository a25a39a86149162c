import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { countByStatus, listMailbox, listParked, type MailboxFilter, type OutboxStatus } from '@/db/queries/mailbox';
import { formatDateTime } from '@/lib/time';
import { maskPersonalText } from '@/lib/privacy/mask';
import { OUTBOX_STATUS_LABELS, OutboxStatusBadge, TEMPLATE_FILTERS, templateLabel } from './labels';
import { RetryButton } from './retry-button';
import { config } from '@/lib/config';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: '开发邮箱' };

const STATUSES = ['pending', 'sent', 'parked'] as const satisfies readonly OutboxStatus[];

function parseFilter(p: Record<string, string | undefined>): MailboxFilter {
  const status = STATUSES.find((s) => s === p.status);
  const template = TEMPLATE_FILTERS.find((t) => t.value === p.template)?.value;
  const before = Number(p.before);
  return {
    status,
    template,
    recipient: p.recipient?.trim().slice(0, 254) || undefined,
    before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
  };
}

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageUser(['admin']);
  const filter = parseFilter(await searchParams);
  const db = await getDb();
  const [{ rows, nextBefore }, parked, counts] = await Promise.all([listMailbox(db, filter), listParked(db), countByStatus(db)]);
  const smtp = Boolean(config().SMTP_URL);
  const nextQuery = new URLSearchParams(
    Object.entries({ ...filter, before: nextBefore ?? undefined }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">开发邮箱</h1>
        <p className="mt-1 text-sm text-slate-700">
          {smtp
            ? '已配置 SMTP：邮件经 SMTP 服务器发出，这里显示发件箱中的每一封邮件及其发送状态。'
            : '未配置 SMTP（SMTP_URL）：邮件不会真正发出，而是投递到这里，可打开查看 HTML 与纯文本内容。'}
        </p>
        <p className="mt-1 text-sm text-slate-700">
          待发送 {counts.pending} 封 · 已送达 {counts.sent} 封 · 发送失败 {counts.parked} 封
        </p>
      </header>

      {parked.length > 0 ? (
        <section aria-labelledby="parked-title" className="rounded-lg border border-red-200 bg-white p-4">
          <h2 id="parked-title" className="text-lg font-semibold text-red-800">发送失败（已暂停重试）</h2>
          <p className="mb-3 text-sm text-slate-700">这些邮件多次发送失败，已停止自动重试。排除原因后可点击“重试”重新加入发送队列。</p>
          <ul className="divide-y divide-slate-200">
            {parked.map((m) => (
              <li key={m.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
                <div className="min-w-0">
                  <Link href={`/admin/mailbox/${m.id}`} className="text-brand-700 underline">{m.subject || templateLabel(m.template)}</Link>
                  <p className="text-slate-700">收件人：{maskPersonalText(m.recipient)} · 已尝试 {m.attempts} 次</p>
                  {m.lastError ? <p className="break-all text-red-700">最后错误：{maskPersonalText(m.lastError)}</p> : null}
                </div>
                <RetryButton id={m.id} label={m.subject || maskPersonalText(m.recipient)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <form method="get" role="search" aria-label="筛选邮件" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">状态</span>
          <select name="status" defaultValue={filter.status ?? ''} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">全部</option>
            {STATUSES.map((s) => <option key={s} value={s}>{OUTBOX_STATUS_LABELS[s]}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">类型</span>
          <select name="template" defaultValue={filter.template ?? ''} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">全部</option>
            {TEMPLATE_FILTERS.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
          </select>
        </label>
        <label className="flex min-w-0 flex-1 basis-full flex-col gap-1 sm:basis-48">
          <span className="font-medium">收件人</span>
          <input name="recipient" type="search" defaultValue={filter.recipient ?? ''} placeholder="邮箱地址的一部分" className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-medium text-white hover:bg-brand-600">筛选</button>
        <Link href="/admin/mailbox" className="py-1.5 text-brand-700 underline">清除筛选</Link>
      </form>

      <section aria-labelledby="list-title">
        <h2 id="list-title" className="mb-2 text-lg font-semibold">邮件列表</h2>
        {rows.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">没有符合条件的邮件。</p>
        ) : (
          <ScrollRegion label="邮件列表" className="rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[48rem] text-left text-sm">
              <caption className="sr-only">邮件列表，最新的在前</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">主题</th>
                  <th scope="col" className="px-3 py-2">收件人</th>
                  <th scope="col" className="px-3 py-2">状态</th>
                  <th scope="col" className="px-3 py-2">尝试次数</th>
                  <th scope="col" className="px-3 py-2">时间</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {rows.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" className="max-w-md px-3 py-2 font-normal">
                      <Link href={`/admin/mailbox/${m.id}`} className="text-brand-700 underline">{m.subject || templateLabel(m.template)}</Link>
                      <span className="block text-xs text-slate-600">{templateLabel(m.template)}</span>
                    </th>
                    <td className="px-3 py-2">{maskPersonalText(m.recipient)}</td>
                    <td className="px-3 py-2"><OutboxStatusBadge status={m.status} /></td>
                    <td className="px-3 py-2">{m.attempts}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(m.sentAt ?? m.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {nextBefore ? (
          <Link href={`/admin/mailbox?${nextQuery}`} className="mt-3 inline-block text-brand-700 underline">更早的邮件</Link>
        ) : null}
      </section>
    </div>
  );
}
