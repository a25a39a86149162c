import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { isUuid } from './filings';

/**
 * One finding (a rectification, opened from an e-mail deep link), only when its subject belongs to
 * `ownerId`. Someone else's finding and a missing one both come back undefined: the page answers 404.
 */
export async function getFindingForOwner(tx: Tx, findingId: string, ownerId: string) {
  if (!isUuid(findingId)) return undefined;
  const [row] = await tx
    .select({ finding: t.findings, subjectName: t.subjects.name, subjectId: t.subjects.id })
    .from(t.findings)
    .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
    .where(and(eq(t.findings.id, findingId), eq(t.subjects.ownerId, ownerId)));
  return row;
}
