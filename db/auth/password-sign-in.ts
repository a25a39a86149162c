import type { Tx } from '../client';
import { findUserByEmail, type UserRow } from '../queries/users';
import { recentFailures, recordAttempt } from '../queries/auth-attempts';
import { judgeSignIn } from '@/lib/auth/rate-limit';
import { verifyPasswordEvenWithout } from '@/lib/auth/password';

export type PasswordSignIn = { ok: true; user: UserRow } | { ok: false; locked?: 'account' | 'ip' };

/**
 * One password sign-in attempt: the account and address limits first, then the password, then the
 * attempt is recorded. Unknown, disabled and password-less accounts cost the same scrypt work as a
 * wrong password, so neither the answer nor its timing says whether an account exists.
 */
export async function passwordSignIn(db: Tx, input: { email: string; password: string; ip: string }): Promise<PasswordSignIn> {
  const verdict = judgeSignIn(await recentFailures(db, input.email, input.ip));
  if (!verdict.allowed) return { ok: false, locked: verdict.message.includes('当前网络') ? 'ip' : 'account' };
  const user = await findUserByEmail(db, input.email);
  const matches = await verifyPasswordEvenWithout(input.password, user?.passwordHash);
  const ok = Boolean(matches && user && !user.disabled);
  await recordAttempt(db, { account: input.email, ip: input.ip, success: ok });
  return ok && user ? { ok: true, user } : { ok: false };
}
