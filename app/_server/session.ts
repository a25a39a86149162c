import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { cookies, headers } from 'next/headers';
import { auth } from './auth';
import { getDbHandle } from '@/db/client';
import { findSessionUser } from '@/db/session-users';
import type { Role } from '@/lib/domain/codes';
import { readSessionCookie } from '@/lib/auth/session-jwt';
import { authSecret } from '@/lib/config';

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user as the database has it now (db/session-users.ts), once per request: a disabled
 * account, a changed role or a bumped session version takes effect at once, whatever the JWT says.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims();
  const uid = claims?.uid;
  if (!uid) return null;
  const row = await findSessionUser(await getDbHandle(), uid);
  if (!row || row.disabled) return null;
  if (typeof claims.sv === 'number' && claims.sv !== row.sessionVersion) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
});

/**
 * The session token's claims, read straight from the cookie. `auth()` would run Auth.js' whole session
 * endpoint and mint a new token that a page cannot even set (proxy.ts renews the cookie). An oversized,
 * chunked cookie is left to `auth()`.
 */
async function sessionClaims(): Promise<{ uid?: string; sv?: number } | null> {
  const jar = await cookies();
  const cookie = await readSessionCookie((name) => jar.get(name)?.value, authSecret());
  if (cookie === 'chunked') {
    const session = await auth();
    return session?.user?.id ? { uid: session.user.id, sv: (session as unknown as { sv?: number }).sv } : null;
  }
  if (!cookie) return null;
  const { uid, sv } = cookie.payload;
  return { uid: typeof uid === 'string' ? uid : undefined, sv: typeof sv === 'number' ? sv : undefined };
}

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
