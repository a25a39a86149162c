import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { assertAdmin, type AdminActor } from '../admin/guard';
import { enqueue } from '../queries/outbox';
import { ConflictError, NotFoundError, PublicError } from '@/lib/errors';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { UNRESOLVED_FINDING_STATUSES, type Role } from '@/lib/domain/codes';
import { escapeHtml, publicBaseUrl } from '@/lib/notify/order-emails';
import { todayIso } from '@/lib/time';
import { maskPersonalText } from '@/lib/privacy/mask';
import { settleFindings } from '../findings/settle';
import { now as clockNow } from '@/lib/clock';

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
    await tx.insert(t.auditEvents).values({
      actorId: input.actor.id,
      action: granted ? 'extension.grant' : 'extension.refuse',
      entityType: 'finding',
      entityId: req.findingId,
      subjectId: req.subjectId,
      details: granted ? { from: req.deadline, to: input.newDeadline } : { reason: maskPersonalText(reason) },
    });
    const notice = FINDING_CATALOGUE[req.code].notice;
    const url = `${publicBaseUrl(input.baseUrl)}/rectifications/${req.findingId}`;
    const line = granted
      ? `您对“${notice}”的延期申请已通过，新的整改期限为 ${input.newDeadline}。`
      : `您对“${notice}”的延期申请未通过，原因：${reason}。整改期限仍为 ${req.deadline}，请尽快完成整改。`;
    await enqueue(tx, {
      channel: 'email',
      recipient: req.email,
      template: granted ? 'extension.granted' : 'extension.refused',
      subject: `【备案整改】延期申请${granted ? '已通过' : '未通过'}：${notice}`,
      text: `您好：\n\n${line}\n\n查看整改事项：${url}\n\n此邮件由系统自动发送，请勿直接回复。`,
      html: `<p>您好：</p><p>${escapeHtml(line)}</p><p><a href="${escapeHtml(url)}">查看整改事项</a></p><p style="color:#555">此邮件由系统自动发送，请勿直接回复。</p>`,
      data: { findingId: req.findingId, requestId: req.id },
      dedupeKey: `extension:${req.id}`,
    });
  });
}
