import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';

/** The 复核 queue: pending requests, oldest first, with the finding, the filing and the evidence. */
export async function listPendingRechecks(tx: Tx, limit = 100) {
  const rows = await tx
    .select({
      id: t.rechecks.id,
      note: t.rechecks.note,
      actionCode: t.rechecks.actionCode,
      selfCheck: t.rechecks.selfCheck,
      createdAt: t.rechecks.createdAt,
      requester: t.users.name,
      findingId: t.findings.id,
      code: t.findings.code,
      findingStatus: t.findings.status,
      deadline: t.findings.deadline,
      filedValue: t.findings.filedValue,
      observedValue: t.findings.observedValue,
      subjectName: t.subjects.name,
      subjectIcpNumber: t.subjects.icpNumber,
      websiteName: t.websites.name,
      websiteIcpNumber: t.websites.icpNumber,
      domainName: t.domains.name,
    })
    .from(t.rechecks)
    .innerJoin(t.findings, eq(t.findings.id, t.rechecks.findingId))
    .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
    .leftJoin(t.websites, eq(t.websites.id, t.findings.websiteId))
    .leftJoin(t.domains, eq(t.domains.id, t.findings.domainId))
    .leftJoin(t.users, eq(t.users.id, t.rechecks.requestedBy))
    .where(eq(t.rechecks.state, 'pending'))
    .orderBy(asc(t.rechecks.createdAt), asc(t.rechecks.id))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const materials = ids.length
    ? await tx.select({ id: t.materials.id, recheckId: t.materials.recheckId, kind: t.materials.kind, fileName: t.materials.fileName }).from(t.materials).where(inArray(t.materials.recheckId, ids))
    : [];
  return rows.map((r) => ({ ...r, materials: materials.filter((m) => m.recheckId === r.id) }));
}
export type PendingRecheck = Awaited<ReturnType<typeof listPendingRechecks>>[number];
