import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authConfig } from '@/auth.config';
import { portalAdapter } from '@/db/auth-adapter';
import { getDb } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { enqueue } from '@/db/queries/outbox';
import { verifyPassword } from '@/lib/auth/password';
import { judgeSignIn } from '@/lib/auth/rate-limit';
import { recentFailures, recordAttempt } from '@/db/queries/auth-attempts';
import { magicLinkEmail } from '@/lib/notify/auth-templates';
import { errorForLog } from '@/lib/privacy/mask';

/** Too many failures: the code tells the login action which message to show. */
export class SignInLocked extends CredentialsSignin {
  constructor(readonly scope: 'account' | 'ip') {
    super();
    this.code = `locked_${scope}`;
  }
}

export function clientIp(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'unknown';
}

const credentials = z.object({ email: z.string().email().max(254), password: z.string().min(1).max(256) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  adapter: portalAdapter(),
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace in the logs.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', errorForLog(error));
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        const ip = clientIp(request.headers);
        const verdict = judgeSignIn(await recentFailures(db, parsed.data.email, ip));
        if (!verdict.allowed) throw new SignInLocked(verdict.message.includes('当前网络') ? 'ip' : 'account');
        const user = await findUserByEmail(db, parsed.data.email);
        const ok = Boolean(user && !user.disabled && (await verifyPassword(parsed.data.password, user.passwordHash)));
        await recordAttempt(db, { account: parsed.data.email, ip, success: ok });
        if (!ok || !user) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
    {
      id: 'email',
      type: 'email',
      name: '邮箱登录链接',
      maxAge: 15 * 60, // short-lived; single use is enforced by deleting the token on use
      async sendVerificationRequest({ identifier, url, expires }) {
        const msg = await magicLinkEmail({ url, expires });
        await enqueue(await getDb(), { channel: 'email', recipient: identifier, template: 'magic_link', ...msg });
      },
    },
  ],
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user }) {
      // Magic links only for existing, enabled accounts (the adapter returns none for disabled ones).
      if (!user.email) return false;
      const row = await findUserByEmail(await getDb(), user.email);
      return Boolean(row && !row.disabled);
    },
    async jwt({ token, user }) {
      if (user?.email && !user.role) {
        // Email sign-in hands us the adapter user; make sure role and session version come from the row.
        const row = await findUserByEmail(await getDb(), user.email);
        if (row) Object.assign(user, { id: row.id, role: row.role, sessionVersion: row.sessionVersion });
      }
      return authConfig.callbacks.jwt({ token, user });
    },
  },
});
