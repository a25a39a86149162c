import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authConfig } from '@/auth.config';
import { portalAdapter } from '@/db/auth-adapter';
import { getDb } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { enqueue } from '@/db/queries/outbox';
import { passwordSignIn } from '@/db/auth/password-sign-in';
import { endSessionsOfToken } from '@/db/auth/sign-out';
import { magicLinkEmail } from '@/lib/notify/auth-templates';
import { componentLog } from '@/lib/log';
import { onPublicOrigin, publicOrigin } from '@/lib/config/deployment';
import { clientIpFrom } from '@/lib/security/client-address';

/** Too many failures: the code tells the login action which message to show. */
export class SignInLocked extends CredentialsSignin {
  constructor(readonly scope: 'account' | 'ip') {
    super();
    this.code = `locked_${scope}`;
  }
}

/**
 * The client address the sign-in limits count against, as stamped on the request from its socket (and
 * the trusted proxy hops) before Next saw it; never X-Forwarded-For or X-Real-IP as the client sent them.
 */
export function clientIp(headers: Headers): string {
  return clientIpFrom(headers);
}

const credentials = z.object({ email: z.string().email().max(254), password: z.string().min(1).max(256) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  adapter: portalAdapter(),
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace in the logs.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      componentLog('auth').error({ err: error }, '登录组件出错 / auth error');
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const result = await passwordSignIn(await getDb(), { ...parsed.data, ip: clientIp(request.headers) });
        if (!result.ok) {
          if (result.locked) throw new SignInLocked(result.locked);
          return null;
        }
        const { user } = result;
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
    {
      id: 'email',
      type: 'email',
      name: '邮箱登录链接',
      maxAge: 15 * 60, // short-lived; single use is enforced by deleting the token on use
      async sendVerificationRequest({ identifier, url, expires }) {
        // Auth.js builds the link on the origin the request named (Host / X-Forwarded-Host, which anyone
        // can set): the link in the e-mail goes to the configured public origin, whatever the request said.
        const msg = await magicLinkEmail({ url: onPublicOrigin(url, publicOrigin()), expires });
        await enqueue(await getDb(), { channel: 'email', recipient: identifier, template: 'magic_link', ...msg });
      },
    },
  ],
  events: {
    // Auth.js' own /api/auth/signout only clears the cookie, and a JWT cannot be recalled: end every copy
    // of the session as the portal's sign-out does, by moving the account's session version on.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (token && typeof token.uid === 'string') await endSessionsOfToken(await getDb(), { uid: token.uid, sv: token.sv });
    },
  },
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
