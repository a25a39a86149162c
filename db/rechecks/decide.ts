import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { enqueue } from '../queries/outbox';
import type { Actor } from '../orders/transition';
import { assertStaff } from '../review/decide';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { recheckResultEmail } from '@/lib/notify/templates/decisions';
import { maskPersonalText } from '@/lib/privacy/mask';
import { endPendingRequests } from '../findings/end-pending';
import { settleFindings } from '../findings/settle';
import { now as clockNow } from '@/lib/clock';
import { writeAudit } from '../audit';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';

// 复核: the filer fixed something outside the portal and asked staff to check. Staff either resolve the
// finding or send it back with a reason. One transaction: the conditional update on the pending request (zero
// rows = another reviewer decided first), the finding, the audit event and the filer's e-mail.

export type RecheckDecision = 'accept' | 'return';

export async function decideRecheck(
  db: Db,
  input: { recheckId: string; actor: Actor; decision: RecheckDecision; reason?: string | null; now?: Date; baseUrl?: string },
) {
  assertStaff(input.actor);
  const actor = input.actor;
  const now = input.now ?? clockNow();
  const reason = input.reason?.trim() || null;
  return db.transaction(async (tx) => {
    const [moved] = await tx
      .update(t.rechecks)
      .set({ state: input.decision === 'accept' ? 'accepted' : 'returned', decidedBy: actor.id, decisionReason: reason, decidedAt: now })
      .where(and(eq(t.rechecks.id, input.recheckId), eq(t.rechecks.state, 'pending')))
      .returning();
    if (!moved) {
      const [seen] = await tx
        .select({ state: t.rechecks.state, name: t.users.name })
        .from(t.rechecks)
        .leftJoin(t.users, eq(t.users.id, t.rechecks.decidedBy))
        .where(eq(t.rechecks.id, input.recheckId));
      if (!seen) throw new NotFoundError();
      if (seen.state === 'closed') throw new ConflictError('该复核申请已结束：对应的整改事项已关闭，无需再审核。请刷新后查看。');
      const outcome = seen.state === 'accepted' ? '已通过复核' : '已退回';
      throw new ConflictError(`该复核申请已由${seen.name ?? '其他人'}处理（${outcome}），请刷新后查看。`);
    }

    const unresolved = inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES);
    const [finding] =
      input.decision === 'accept'
        ? await tx.update(t.findings).set({ status: 'resolved', resolvedAt: now }).where(and(eq(t.findings.id, moved.findingId), unresolved)).returning()
        : // Back to work: open (or overdue) unless an order still works on it (db/findings/settle.ts).
          await settleFindings(tx, [moved.findingId]).then(() => tx.select().from(t.findings).where(and(eq(t.findings.id, moved.findingId), unresolved)));
    const [target] = finding ? [finding] : await tx.select().from(t.findings).where(eq(t.findings.id, moved.findingId));
    // An accepted 复核 closes the finding: a 延期 still pending on it ends too.
    if (input.decision === 'accept' && finding) await endPendingRequests(tx, { cause: '复核已通过', actorId: actor.id, subjectId: finding.subjectId, baseUrl: input.baseUrl });

    await writeAudit(tx, {
      actorId: actor.id,
      action: input.decision === 'accept' ? 'recheck.accept' : 'recheck.return',
      entityType: 'recheck',
      entityId: moved.id,
      subjectId: target?.subjectId ?? null,
      details: { findingId: moved.findingId, code: target?.code ?? null, findingStatus: target?.status ?? null, reason: maskPersonalText(reason) },
    });

    const [filer] = await tx.select({ email: t.users.email }).from(t.users).where(eq(t.users.id, moved.requestedBy));
    if (filer && target) {
      const mail = await recheckResultEmail({ finding: target, decision: input.decision, reason, baseUrl: input.baseUrl });
      await enqueue(tx, {
        channel: 'email',
        recipient: filer.email,
        template: mail.template,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        data: { recheckId: moved.id, findingId: target.id, url: mail.url },
      });
    }
    return { recheck: moved, finding: target ?? null };
  });
}
