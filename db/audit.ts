import type { Tx } from './client';
import { auditEvents } from './schema';
import type { AuditAction, AuditDetails, AuditEntity } from '@/lib/audit/actions';

export type AuditEntry<A extends AuditAction> = {
  action: A;
  actorId: string | null;
  entityType: AuditEntity;
  entityId: string;
  subjectId?: string | null;
  details: AuditDetails[A];
};

/**
 * The one way an audit row is written: only an action the audit vocabulary knows, with the details that
 * action declares, so the audit page can name and describe every row it shows.
 */
export async function writeAudit<A extends AuditAction>(tx: Tx, entry: AuditEntry<A>): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    subjectId: entry.subjectId ?? null,
    details: entry.details as Record<string, unknown>,
  });
}
