import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { authAttempts } from '../schema';
import { WINDOW_MINUTES } from '@/lib/auth/rate-limit';

const since = () => sql`now() - make_interval(mins => ${WINDOW_MINUTES})`;

/** Failures since the account's last success within the window, and failures from the IP. */
export async function recentFailures(tx: Tx, account: string, ip: string) {
  const acct = account.trim().toLowerCase();
  const [row] = (await tx.execute(sql`
    select
      (select count(*)::int from auth_attempts a where a.account = ${acct} and a.kind = 'password' and not a.success and a.created_at > ${since()}
         and a.created_at > coalesce((select max(created_at) from auth_attempts s where s.account = ${acct} and s.success), 'epoch')) as account_failures,
      (select count(*)::int from auth_attempts a where a.ip = ${ip} and a.kind = 'password' and not a.success and a.created_at > ${since()}) as ip_failures`).then(
    (r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows),
  )) as { account_failures: number; ip_failures: number }[];
  return { accountFailures: Number(row?.account_failures ?? 0), ipFailures: Number(row?.ip_failures ?? 0) };
}

export async function countLinksSent(tx: Tx, account: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(authAttempts)
    .where(and(eq(authAttempts.account, account.trim().toLowerCase()), eq(authAttempts.kind, 'magic_link'), gt(authAttempts.createdAt, since())));
  return Number(row?.n ?? 0);
}

export async function recordAttempt(tx: Tx, a: { account: string; ip: string; success: boolean; kind?: 'password' | 'magic_link' }) {
  await tx.insert(authAttempts).values({ account: a.account.trim().toLowerCase(), ip: a.ip, success: a.success, kind: a.kind ?? 'password' });
}
