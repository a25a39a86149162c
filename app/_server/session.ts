import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { auth } from './auth';
import { getDb } from '@/db/client';
import { findUserById } from '@/db/queries/users';
import type { Role } from '@/lib/domain/codes';

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user, re-read from the database once per request: a disabled account, a changed role or
 * a bumped session version takes effect at once, whatever the JWT says.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const uid = session?.user?.id;
  if (!uid) return null;
  const row = await findUserById(await getDb(), uid);
  if (!row || row.disabled) return null;
  const token = session as unknown as { sv?: number };
  if (typeof token.sv === 'number' && token.sv !== row.sessionVersion) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
});

/** For pages: signed-out → sign-in and back; wrong role → 404 (staff pages do not exist for filers). */
export async function requirePageUser(roles: readonly Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    const h = await headers();
    const path = h.get('x-pathname') ?? '/';
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (!roles.includes(user.role)) notFound();
  return user;
}
