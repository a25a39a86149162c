import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getOutboxMessage } from '@/db/queries/mailbox';
import { formatDateTime } from '@/lib/time';
import { OutboxStatusBadge, templateLabel } from '../labels';
import { RetryButton } from '../retry-button';

export const metadata: Metadata = { title: '查看邮件' };

/** Every link in the HTML part, decoded, so the operator (and a test) can follow it without the frame. */
function linksOf(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/gi)) {
    out.add(m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return [...out].filter((u) => /^https?:\/\//i.test(u));
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser(['admin']);
  const { id } = await params;
  const m = await getOutboxMessage(await getDb(), Number(id));
  if (!m || m.channel !== 'email') notFound();
  const links = linksOf(m.html);
  return (
    <div className="space-y-4">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/admin/mailbox" className="underline">开发邮箱</Link> / 邮件 #{m.id}
      </nav>
      <h1 className="text-2xl font-semibold break-words">{m.subject || templateLabel(m.template)}</h1>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <Item label="收件人" value={m.recipient} />
        <Item label="类型" value={templateLabel(m.template)} />
        <div><dt className="text-slate-600">状态</dt><dd><OutboxStatusBadge status={m.status} /></dd></div>
        <Item label="尝试次数" value={String(m.attempts)} />
        <Item label="写入时间" value={formatDateTime(m.createdAt)} />
        <Item label="送达时间" value={m.sentAt ? `${formatDateTime(m.sentAt)}（${m.transport === 'smtp' ? 'SMTP' : '开发邮箱'}）` : '—'} />
        {m.lastError ? <Item label="最后错误" value={m.lastError} /> : null}
      </dl>
      {m.status === 'parked' ? <RetryButton id={m.id} label={m.subject || m.recipient} /> : null}

      <section aria-labelledby="html-title" className="space-y-2">
        <h2 id="html-title" className="text-lg font-semibold">邮件正文（HTML）</h2>
        {m.html ? (
          // No allow-scripts and no allow-same-origin: the e-mail cannot run code or read the portal.
          // Links open in a new tab (allow-popups) so they stay clickable.
          <iframe
            title={`邮件正文：${m.subject}`}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcDoc={m.html}
            className="h-[36rem] w-full rounded-lg border border-slate-200 bg-white"
          />
        ) : (
          <p className="text-sm text-slate-700">
            {m.text ? '此邮件只有纯文本内容。' : '正文尚未生成：批量导入的整改通知邮件由发送进程在发送前逐封生成。'}
          </p>
        )}
      </section>

      {links.length > 0 ? (
        <section aria-labelledby="links-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="links-title" className="mb-2 text-lg font-semibold">邮件中的链接</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {links.map((u) => (
              <li key={u}><a href={u} className="break-all text-brand-700 underline">{u}</a></li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="text-title" className="space-y-2">
        <h2 id="text-title" className="text-lg font-semibold">纯文本</h2>
        <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 text-sm">{m.text}</pre>
      </section>
    </div>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="break-all">{value}</dd>
    </div>
  );
}
