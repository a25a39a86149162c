import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { enqueue } from '../queries/outbox';
import { rowsOf } from '../raw-sql';
import { noticeEmail, type NoticeFinding } from '@/lib/notify/templates/notice';

/**
 * Queues the 整改通知 e-mail of one notice to the subject's owner, listing every finding the notice carries.
 * The dedupe key makes it once per notice, however often an import is re-run or resumed.
 */
export async function queueNoticeEmail(tx: Tx, noticeId: string, baseUrl?: string): Promise<void> {
  const [row] = await tx
    .select({ subjectName: t.subjects.name, email: t.users.email })
    .from(t.notices)
    .innerJoin(t.subjects, eq(t.subjects.id, t.notices.subjectId))
    .innerJoin(t.users, eq(t.users.id, t.subjects.ownerId))
    .where(eq(t.notices.id, noticeId));
  if (!row) return;
  const findings = await noticeFindings(tx, eq(t.findings.noticeId, noticeId));
  if (findings.length === 0) return;
  const mail = await noticeEmail({ subjectName: row.subjectName, findings, baseUrl });
  await enqueue(tx, {
    channel: 'email',
    recipient: row.email,
    ...mail,
    data: { noticeId, findingIds: findings.map((f) => f.id) },
    dedupeKey: `notice:${noticeId}`,
  });
}

/**
 * A notice's findings as its e-mail lists them: the website each concerns, its domain (the finding's own, else
 * the one the check recorded in `detail`, else the website's first) and what the check found.
 */
async function noticeFindings(tx: Tx, where: SQL): Promise<NoticeFinding[]> {
  const rows = await tx
    .select({
      id: t.findings.id,
      code: t.findings.code,
      deadline: t.findings.deadline,
      observed: t.findings.observedValue,
      detail: t.findings.detail,
      websiteName: t.websites.name,
      websiteIcp: t.websites.icpNumber,
      domain: sql<string | null>`coalesce(${t.domains.name}, (select min(d.name) from domains d where d.website_id = ${t.findings.websiteId}))`,
    })
    .from(t.findings)
    .leftJoin(t.websites, eq(t.websites.id, t.findings.websiteId))
    .leftJoin(t.domains, eq(t.domains.id, t.findings.domainId))
    .where(where)
    .orderBy(asc(t.findings.deadline), asc(t.findings.createdAt));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    deadline: r.deadline,
    website: r.websiteName && r.websiteIcp ? { name: r.websiteName, icpNumber: r.websiteIcp } : null,
    domain: r.domain ?? (r.detail && DOMAIN_LIKE.test(r.detail) ? r.detail : null),
    observed: r.observed,
  }));
}
const DOMAIN_LIKE = /^[a-z0-9.-]+\.[a-z]{2,}$/i;

/** Set in `data.render` of an outbox row whose body the sender renders (see renderDeferredNotice). */
export const RENDER_AT_SEND = 'at-send';

/**
 * The 整改通知 e-mails of every notice one import batch issued, queued in one statement. Each row names its
 * recipient, notice and findings now (the list the e-mail will carry); subject, HTML and text are rendered by
 * the sender just before sending (renderDeferredNotice). react-email takes about 12 ms per e-mail on the
 * bench machine: rendering the 50,000 notices of a 100,000-row import here would add ten minutes to the run
 * and block its process, while SMTP delivers them over hours anyway. Same dedupe key as queueNoticeEmail.
 */
export async function queueImportNoticeEmails(tx: Tx, batchId: string, baseUrl?: string): Promise<void> {
  await tx.execute(sql`
    insert into outbox (channel, recipient, template, subject, html, text, data, dedupe_key)
    select 'email', u.email, 'notice', '', '', '',
           jsonb_strip_nulls(jsonb_build_object('noticeId', n.id, 'findingIds', f.ids, 'render', ${RENDER_AT_SEND}::text, 'baseUrl', ${baseUrl ?? null}::text)),
           'notice:' || n.id
    from notices n
    join subjects s on s.id = n.subject_id
    join users u on u.id = s.owner_id
    cross join lateral (
      select jsonb_agg(f.id order by f.deadline, f.created_at, f.id) as ids from findings f where f.notice_id = n.id
    ) f
    where n.import_batch_id = ${batchId} and f.ids is not null
    on conflict (dedupe_key) do nothing`);
}

export type DeferredRow = { id: number; template: string; data: Record<string, unknown> | null };

export function rendersAtSend(row: DeferredRow): boolean {
  return row.template === 'notice' && row.data?.render === RENDER_AT_SEND;
}

/**
 * Renders the notice e-mails queued by queueImportNoticeEmails among a worker's claimed rows, from the
 * notices and findings the rows name: two reads and one write for the whole batch, not three per mail (the
 * per-mail queries were a third of a notice wave's CPU). Each row keeps what was rendered (the dev mailbox
 * shows it, a retry sends the same text); `lease` fences the write, so rows this worker lost are not
 * rendered over and are left out of the answer. A row whose notice is gone comes back as an Error.
 */
export async function renderDeferredNotices(
  tx: Tx,
  rows: readonly DeferredRow[],
  lease: Date,
): Promise<Map<number, { subject: string; html: string; text: string } | Error>> {
  const out = new Map<number, { subject: string; html: string; text: string } | Error>();
  if (rows.length === 0) return out;
  const noticeIds = [...new Set(rows.map((r) => String(r.data?.noticeId ?? '')).filter(Boolean))];
  const findingIds = [...new Set(rows.flatMap((r) => (r.data?.findingIds as string[] | undefined) ?? []))];
  const heads = noticeIds.length
    ? await tx.select({ id: t.notices.id, subjectName: t.subjects.name }).from(t.notices).innerJoin(t.subjects, eq(t.subjects.id, t.notices.subjectId)).where(inArray(t.notices.id, noticeIds))
    : [];
  const nameOf = new Map(heads.map((h) => [h.id, h.subjectName]));
  const found = findingIds.length ? await noticeFindings(tx, inArray(t.findings.id, findingIds)) : [];
  const byId = new Map(found.map((f) => [f.id, f]));
  const written: { id: number; subject: string; html: string; text: string; data: Record<string, unknown> }[] = [];
  for (const row of rows) {
    const noticeId = String(row.data?.noticeId ?? '');
    const findings = ((row.data?.findingIds as string[] | undefined) ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const subjectName = nameOf.get(noticeId);
    if (subjectName === undefined || findings.length === 0) {
      out.set(row.id, new Error(`notice ${noticeId} of outbox row ${row.id} not found`));
      continue;
    }
    const baseUrl = typeof row.data?.baseUrl === 'string' ? row.data.baseUrl : undefined;
    const mail = await noticeEmail({ subjectName, findings, baseUrl });
    const { render: _r, baseUrl: _b, ...data } = row.data ?? {};
    written.push({ id: row.id, subject: mail.subject, html: mail.html, text: mail.text, data: { ...data, noticeId, findingIds: findings.map((f) => f.id) } });
  }
  if (written.length === 0) return out;
  const kept = await tx.execute(sql`
    update outbox o set subject = x.subject, html = x.html, text = x.text, data = x.data
    from jsonb_to_recordset(${JSON.stringify(written)}::jsonb) as x(id bigint, subject text, html text, text text, data jsonb)
    where o.id = x.id and o.status = 'pending' and o.locked_until = ${lease.toISOString()}::timestamptz
    returning o.id`);
  const keptIds = new Set(rowsOf<{ id: number | string }>(kept).map((r) => Number(r.id)));
  for (const w of written) if (keptIds.has(w.id)) out.set(w.id, { subject: w.subject, html: w.html, text: w.text });
  return out;
}
