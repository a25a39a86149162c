import type { NextAuthConfig } from 'next-auth';
import { decodeSessionJwt, encodeSessionJwt } from './lib/auth/session-jwt';

// Edge-safe half of the Auth.js config: no providers, no database. proxy.ts uses it only to read the
// JWT; every page and server action checks the user against the database itself (lib/server/session.ts).
export const authConfig = {
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  // Auth.js' token format with the derived key cached (see lib/auth/session-jwt.ts).
  jwt: { encode: encodeSessionJwt, decode: decodeSessionJwt },
  pages: { signIn: '/login', verifyRequest: '/login/verify', error: '/login' },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = { ...session.user, id: token.uid, role: token.role, email: token.email ?? '', name: token.name ?? '' };
        // The session version travels with the session so every request can compare it with the database.
        (session as { sv?: number }).sv = token.sv ?? 0;
      }
      // currentUser() compares it with the row: without it a revoked token (sign-out, disabled user) still works.
      return Object.assign(session, { sv: token.sv ?? 0 });
    },
  },
} satisfies NextAuthConfig;
