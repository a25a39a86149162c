import { and, eq, notInArray } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { enqueue, type OutboxMessage } from '../queries/outbox';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { requestClosedEmail } from '@/lib/notify/templates/decisions';
import { writeAudit } from '../audit';
import { now as clockNow } from '@/lib/clock';

// A 复核 or 延期 request lives only as long as its finding: once the finding is closed (整改完成 through an
// order or a 复核, or 取消接入), nobody may still decide the request, and the filer is told why it ended.
// Every path that closes findings calls this inside its own transaction, after the findings moved.

const STILL_OPEN = [...UNRESOLVED_FINDING_STATUSES];

/** What the filer reads about the finding itself, by how it closed. */
function outcome(status: string): string {
  return status === 'access_cancelled'
    ? '该备案已被取消接入，原整改事项随之关闭；如需恢复访问，请按整改页面的指引办理接入备案。'
    : '该整改事项已完成，无需再操作。';
}

/**
 * Ends every pending 复核 and 延期 request whose finding is no longer open (state 'closed', the reason kept on
 * the request), writes an audit event for each and queues one e-mail per request. `cause` says what closed
 * the finding ("订单 BA… 已审核通过", "运营人员取消接入：…").
 */
export async function endPendingRequests(
  tx: Tx,
  input: { cause: string; actorId?: string | null; subjectId?: string | null; baseUrl?: string },
): Promise<number> {
  const now = clockNow();
  const scope = input.subjectId ? eq(t.findings.subjectId, input.subjectId) : undefined;
  const rechecks = await tx
    .select({ id: t.rechecks.id, findingId: t.findings.id, code: t.findings.code, status: t.findings.status, subjectId: t.findings.subjectId, email: t.users.email })
    .from(t.rechecks)
    .innerJoin(t.findings, eq(t.findings.id, t.rechecks.findingId))
    .innerJoin(t.users, eq(t.users.id, t.rechecks.requestedBy))
    .where(and(eq(t.rechecks.state, 'pending'), notInArray(t.findings.status, STILL_OPEN), scope));
  const extensions = await tx
    .select({ id: t.extensionRequests.id, findingId: t.findings.id, code: t.findings.code, status: t.findings.status, subjectId: t.findings.subjectId, email: t.users.email })
    .from(t.extensionRequests)
    .innerJoin(t.findings, eq(t.findings.id, t.extensionRequests.findingId))
    .innerJoin(t.users, eq(t.users.id, t.extensionRequests.requestedBy))
    .where(and(eq(t.extensionRequests.state, 'pending'), notInArray(t.findings.status, STILL_OPEN), scope));
  if (rechecks.length === 0 && extensions.length === 0) return 0;

  const why = (status: string) => `${input.cause}。${outcome(status)}`;
  const mails: OutboxMessage[] = [];
  for (const r of rechecks) {
    const reason = why(r.status);
    await tx.update(t.rechecks).set({ state: 'closed', decisionReason: reason, decidedAt: now }).where(and(eq(t.rechecks.id, r.id), eq(t.rechecks.state, 'pending')));
    mails.push(await mail(r, reason, '复核申请', input.baseUrl));
  }
  for (const e of extensions) {
    const reason = why(e.status);
    await tx.update(t.extensionRequests).set({ state: 'closed', decisionReason: reason, decidedAt: now }).where(and(eq(t.extensionRequests.id, e.id), eq(t.extensionRequests.state, 'pending')));
    mails.push(await mail(e, reason, '延期申请', input.baseUrl));
  }
  for (const r of rechecks) {
    await writeAudit(tx, { actorId: input.actorId ?? null, action: 'recheck.close', entityType: 'recheck', entityId: r.id, subjectId: r.subjectId, details: { findingId: r.findingId, findingStatus: r.status, cause: input.cause } });
  }
  for (const e of extensions) {
    await writeAudit(tx, { actorId: input.actorId ?? null, action: 'extension.close', entityType: 'finding', entityId: e.findingId, subjectId: e.subjectId, details: { extensionId: e.id, findingStatus: e.status, cause: input.cause } });
  }
  await enqueue(tx, mails);
  return rechecks.length + extensions.length;
}

async function mail(
  r: { id: string; findingId: string; code: keyof typeof FINDING_CATALOGUE; email: string },
  reason: string,
  what: '复核申请' | '延期申请',
  baseUrl?: string,
): Promise<OutboxMessage> {
  const m = await requestClosedEmail({ finding: { id: r.findingId, code: r.code }, what, reason, baseUrl });
  return {
    channel: 'email',
    recipient: r.email,
    template: m.template,
    subject: m.subject,
    text: m.text,
    html: m.html,
    data: { findingId: r.findingId, requestId: r.id, url: m.url },
    dedupeKey: `${m.template}:${r.id}`,
  };
}
