'use server';
import { signOut } from './auth';
import { currentUser } from './session';
import { getDb } from '@/db/client';
import { bumpSessionVersion } from '@/db/queries/users';

export async function signOutAction() {
  // Deleting the cookie is not enough with JWT sessions: a request still in flight (a link prefetch)
  // answers with a refreshed copy of the token and signs the browser back in. Bumping the session version
  // makes every copy of the token invalid at once.
  const user = await currentUser();
  if (user) await bumpSessionVersion(await getDb(), user.id);
  await signOut({ redirectTo: '/login' });
}
