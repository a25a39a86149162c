'use server';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { signOut } from './auth';
import { currentUser } from './session';

/**
 * Signing out ends the session for good: the version bump makes every copy of the JWT (another tab, a
 * stolen cookie) fail the per-request check in currentUser().
 */
export async function signOutAction() {
  const user = await currentUser();
  if (user) await (await getDb()).update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(sql`${users.id} = ${user.id}`);
  await signOut({ redirectTo: '/login' });
}
