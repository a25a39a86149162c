import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';

/** Name and mobile of the given principals, in one query (the caller masks the mobile for display). */
export async function principalContacts(tx: Tx, ids: string[]): Promise<Map<string, { name: string; mobile: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: t.principals.id, name: t.principals.name, mobile: t.principals.mobile })
    .from(t.principals)
    .where(inArray(t.principals.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { name: r.name, mobile: r.mobile }]));
}
