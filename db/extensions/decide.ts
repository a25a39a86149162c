import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { assertAdmin, type AdminActor } from '../admin/guard';
import { enqueue } from '../queries/outbox';
import { ConflictError, NotFoundError, PublicError } from '@/lib/errors';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';
import { extensionResultEmail } from '@/lib/notify/templates/decisions';
import { todayIso } from '@/lib/time';
import { maskPersonalText } from '@/lib/privacy/mask';
import { settleFindings } from '../findings/settle';
import { now as clockNow } from '@/lib/clock';
import { writeAudit } from '../audit';

export type ExtensionDecision =
  | { actor: AdminActor; requestId: string; decision: 'grant'; newDeadline: string; baseUrl?: string }
  | { actor: AdminActor; requestId: string; decision: 'refuse'; reason: string; baseUrl?: string };

/**
 * An operator grants a new date (later than the current deadline; an overdue finding is open again) or
 * refuses with a reason. The request moves from pending exactly once; the decision is audited and e-mailed.
 */
export async function decideExtension(db: Db, input: ExtensionDecision): Promise<void> {
  assertAdmin(input.actor);
  if (input.decision === 'refuse' && input.reason.trim().length < 2) throw new PublicError('请填写拒绝理由。', { reason: ['请填写拒绝理由。'] });
  await db.transaction(async (tx) => {
    const [req] = await tx
      .select({
        id: t.extensionRequests.id,
        state: t.extensionRequests.state,
        findingId: t.findings.id,
        code: t.findings.code,
        deadline: t.findings.deadline,
        status: t.findings.status,
        subjectId: t.findings.subjectId,
        email: t.users.email,
      })
      .from(t.extensionRequests)
      .innerJoin(t.findings, eq(t.findings.id, t.extensionRequests.findingId))
      .innerJoin(t.users, eq(t.users.id, t.extensionRequests.requestedBy))
      .where(eq(t.extensionRequests.id, input.requestId));
    if (!req) throw new NotFoundError();
    if (req.state === 'closed') throw new ConflictError('该延期申请已结束：对应的整改事项已关闭，无需再审批。请刷新页面查看。');
    // Only an open finding has a deadline to move (a closed one ends its request: db/findings/end-pending.ts).
    if (!(UNRESOLVED_FINDING_STATUSES as readonly string[]).includes(req.status)) throw new ConflictError('该整改事项已关闭，延期申请无需再审批。请刷新页面查看。');
    if (input.decision === 'grant') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.newDeadline) || input.newDeadline <= req.deadline) {
        throw new PublicError(`新的整改期限必须晚于当前期限 ${req.deadline}。`, { newDeadline: [`新的整改期限必须晚于当前期限 ${req.deadline}。`] });
      }
      if (input.newDeadline < todayIso()) throw new PublicError('新的整改期限不能早于今天。', { newDeadline: ['新的整改期限不能早于今天。'] });
    }
    const granted = input.decision === 'grant';
    const [moved] = await tx
      .update(t.extensionRequests)
      .set({ state: granted ? 'granted' : 'refused', newDeadline: granted ? input.newDeadline : null, decisionReason: input.decision === 'refuse' ? input.reason.trim() : null, decidedBy: input.actor.id, decidedAt: clockNow() })
      .where(and(eq(t.extensionRequests.id, req.id), eq(t.extensionRequests.state, 'pending')))
      .returning({ id: t.extensionRequests.id });
    if (!moved) throw new ConflictError('该延期申请已被处理，请刷新页面查看。');
    if (granted) {
      await tx
        .update(t.findings)
        .set({ deadline: input.newDeadline })
        .where(and(eq(t.findings.id, req.findingId), inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES)));
      // No longer late: open again, or still in progress if a 复核 or an order works on it.
      await settleFindings(tx, [req.findingId]);
    }
    const reason = input.decision === 'refuse' ? input.reason.trim() : null;
    const where = { actorId: input.actor.id, entityType: 'finding' as const, entityId: req.findingId, subjectId: req.subjectId };
    if (input.decision === 'grant') await writeAudit(tx, { ...where, action: 'extension.grant', details: { from: req.deadline, to: input.newDeadline } });
    else await writeAudit(tx, { ...where, action: 'extension.refuse', details: { reason: maskPersonalText(reason) } });
    const finding = { id: req.findingId, code: req.code };
    const mail =
      input.decision === 'grant'
        ? await extensionResultEmail({ finding, decision: 'grant', newDeadline: input.newDeadline, baseUrl: input.baseUrl })
        : await extensionResultEmail({ finding, decision: 'refuse', reason: reason ?? '', deadline: req.deadline, baseUrl: input.baseUrl });
    await enqueue(tx, {
      channel: 'email',
      recipient: req.email,
      template: mail.template,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      data: { findingId: req.findingId, requestId: req.id },
      dedupeKey: `extension:${req.id}`,
    });
  });
}
