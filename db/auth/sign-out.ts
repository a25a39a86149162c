import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { users } from '../schema';

/**
 * Signing out ends every copy of the session: the account's session version moves on, and every token
 * carrying the old one is refused (app/_server/session.ts). Only a token that is still current can do
 * this, so an old copied cookie cannot sign its owner out of newer sessions.
 */
export async function endSessionsOfToken(tx: Tx, token: { uid: string; sv?: number }): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, token.uid), eq(users.sessionVersion, token.sv ?? 0)))
    .returning({ id: users.id });
  return rows.length > 0;
}
