import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { prepared } from '../prepared';
import { users, verificationTokens } from '../schema';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

/** Every signed-in request reads its user (session.ts), hence a prepared statement. */
export async function findUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  const query = prepared(tx, 'user_by_id', (db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare('user_by_id'));
  const [row] = await query.execute({ id });
  return row;
}

export async function createVerificationToken(tx: Tx, v: { identifier: string; token: string; expires: Date }) {
  await tx.insert(verificationTokens).values(v);
  return v;
}

/** Deleting on use makes a magic link single-use; an expired token is consumed and refused. */
export async function redeemVerificationToken(tx: Tx, v: { identifier: string; token: string }) {
  const [row] = await tx
    .delete(verificationTokens)
    .where(and(eq(verificationTokens.identifier, v.identifier), eq(verificationTokens.token, v.token)))
    .returning();
  if (!row) return null;
  return row;
}

export async function purgeExpiredTokens(tx: Tx) {
  await tx.delete(verificationTokens).where(gt(sql`now()`, verificationTokens.expires));
}

/** Every JWT issued to this user before now stops working (sign-out, since a JWT cannot be recalled). */
export async function bumpSessionVersion(tx: Tx, userId: string): Promise<void> {
  await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}
