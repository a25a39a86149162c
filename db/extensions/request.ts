import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { PublicError } from '@/lib/errors';
import { ownedFinding } from '../rechecks/request';
import { isUniqueViolation } from '../unique-violation';
import { writeAudit } from '../audit';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';

export const EXTENSION_ALREADY_REQUESTED = '该整改项已申请过延期，每个整改项只能申请一次。';

/**
 * 整改延期: the owner asks once per finding for more time, with a reason. The unique findingId of
 * extension_requests keeps it to one even when two requests race; a foreign finding is a NotFoundError.
 */
export async function requestExtension(
  db: Db,
  input: { findingId: string; actor: { id: string }; reason: string },
): Promise<typeof t.extensionRequests.$inferSelect> {
  const reason = input.reason.trim();
  if (reason.length < 10) {
    const msg = '请填写延期原因，至少 10 个字。';
    throw new PublicError(msg, { reason: [msg] });
  }
  try {
    return await db.transaction(async (tx) => {
      const finding = await ownedFinding(tx, input.findingId, input.actor.id);
      if (!(UNRESOLVED_FINDING_STATUSES as readonly string[]).includes(finding.status)) throw new PublicError('该整改项当前无需申请延期。');
      const [existing] = await tx.select({ id: t.extensionRequests.id }).from(t.extensionRequests).where(eq(t.extensionRequests.findingId, finding.id));
      if (existing) throw new PublicError(EXTENSION_ALREADY_REQUESTED);
      const [row] = await tx.insert(t.extensionRequests).values({ findingId: finding.id, requestedBy: input.actor.id, reason }).returning();
      await writeAudit(tx, {
        actorId: input.actor.id,
        action: 'extension.request',
        entityType: 'finding',
        entityId: finding.id,
        subjectId: finding.subjectId,
        details: { extensionId: row!.id, deadline: finding.deadline },
      });
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new PublicError(EXTENSION_ALREADY_REQUESTED);
    throw err;
  }
}
