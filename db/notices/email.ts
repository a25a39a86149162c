import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { enqueue } from '../queries/outbox';
import { noticeEmail } from '@/lib/notify/templates/notice';

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
  const findings = await tx
    .select({ id: t.findings.id, code: t.findings.code, deadline: t.findings.deadline })
    .from(t.findings)
    .where(eq(t.findings.noticeId, noticeId))
    .orderBy(asc(t.findings.deadline), asc(t.findings.createdAt));
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
