import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { NotFoundError, PublicError } from '@/lib/errors';
import { latestSelfCheck } from '../checks/self-check';
import type { ActionCode } from '@/lib/remediation';
import { isUuid } from '../queries/filings';
import { isUniqueViolation } from '../unique-violation';
import { writeAudit } from '../audit';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';

export type RecheckRequest = {
  findingId: string;
  actor: { id: string };
  note?: string | null;
  actionCode?: ActionCode | null;
  /** An evidence image the filer uploaded first (materials row still loose, owned by the filer). */
  materialId?: string | null;
};

export const RECHECK_ALREADY_PENDING = '该整改项已有待审核的复核申请，请等待审核结果后再提交。';

/**
 * The filer did the fix outside the portal and asks staff to check again. In one transaction: the
 * pending 复核 row (at most one per finding, the partial unique index decides a race), the finding moves
 * to 整改中, the evidence is attached and the audit event written. A foreign or missing finding is a
 * NotFoundError and nothing is written.
 */
export async function requestRecheck(db: Db, input: RecheckRequest): Promise<typeof t.rechecks.$inferSelect> {
  try {
    return await db.transaction(async (tx) => {
      const finding = await ownedFinding(tx, input.findingId, input.actor.id);
      if (!(UNRESOLVED_FINDING_STATUSES as readonly string[]).includes(finding.status)) {
        throw new PublicError('该整改项当前无需复核。');
      }
      const [pending] = await tx
        .select({ id: t.rechecks.id })
        .from(t.rechecks)
        .where(and(eq(t.rechecks.findingId, finding.id), eq(t.rechecks.state, 'pending')));
      if (pending) throw new PublicError(RECHECK_ALREADY_PENDING);

      // The filer's latest 立即自查 of this website goes to the reviewer with the request.
      const selfCheck = finding.websiteId ? await latestSelfCheck(tx, finding.websiteId) : undefined;
      const [recheck] = await tx
        .insert(t.rechecks)
        .values({
          findingId: finding.id,
          requestedBy: input.actor.id,
          actionCode: input.actionCode ?? null,
          note: input.note?.trim() || null,
          selfCheck: selfCheck ? { checkedAt: selfCheck.createdAt.toISOString(), passed: selfCheck.findings.length === 0, findings: selfCheck.findings, domains: selfCheck.domains } : null,
        })
        .returning();
      if (input.materialId) {
        const attached = await tx
          .update(t.materials)
          .set({ recheckId: recheck!.id })
          .where(and(eq(t.materials.id, input.materialId), eq(t.materials.ownerId, input.actor.id), isNull(t.materials.orderId), isNull(t.materials.recheckId)))
          .returning({ id: t.materials.id });
        if (attached.length === 0) {
          const msg = '证明材料无效或已被使用，请重新上传。';
          throw new PublicError(msg, { materialId: [msg] });
        }
      }
      // Only an open finding starts moving; an overdue one stays overdue (its deadline has passed).
      await tx.update(t.findings).set({ status: 'in_progress' }).where(and(eq(t.findings.id, finding.id), eq(t.findings.status, 'open')));
      await writeAudit(tx, {
        actorId: input.actor.id,
        action: 'recheck.request',
        entityType: 'finding',
        entityId: finding.id,
        subjectId: finding.subjectId,
        details: { recheckId: recheck!.id, actionCode: input.actionCode ?? null, materialId: input.materialId ?? null },
      });
      return recheck!;
    });
  } catch (err) {
    // Two requests at once: the loser of the unique index gets the same message as a late second click.
    if (isUniqueViolation(err)) throw new PublicError(RECHECK_ALREADY_PENDING);
    throw err;
  }
}

/** The finding, only when its subject belongs to `ownerId`; otherwise NotFoundError (no hint it exists). */
export async function ownedFinding(tx: Tx, findingId: string, ownerId: string) {
  if (!isUuid(findingId)) throw new NotFoundError();
  const [row] = await tx
    .select({ id: t.findings.id, status: t.findings.status, subjectId: t.findings.subjectId, websiteId: t.findings.websiteId, deadline: t.findings.deadline })
    .from(t.findings)
    .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
    .where(and(eq(t.findings.id, findingId), eq(t.subjects.ownerId, ownerId)));
  if (!row) throw new NotFoundError();
  return row;
}
