import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from './auth.config';
import { contentSecurityPolicy } from './lib/security/headers';

const { auth } = NextAuth(authConfig);

const PUBLIC_PREFIXES = ['/login', '/api/auth', '/ping', '/status', '/_next', '/favicon'];

// Coarse gate only: signed-out visitors go to sign-in and come back. Authorisation happens in every
// page, query and server action.
export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (req.auth || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) {
    // Uploads send their own, stricter policy (default-src 'none'; sandbox: lib/security/headers.ts).
    if (pathname.startsWith('/materials/')) return NextResponse.next();
    // A fresh nonce per response: Next reads it from the request's CSP header and stamps its scripts.
    const nonce = btoa(crypto.randomUUID());
    const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
    const headers = new Headers(req.headers);
    // Pages read the path to send a session that expired mid-visit back to where it was.
    headers.set('x-pathname', pathname + search);
    headers.set('x-nonce', nonce);
    headers.set('content-security-policy', csp);
    const res = NextResponse.next({ request: { headers } });
    res.headers.set('content-security-policy', csp);
    return res;
  }
  const target = `/login?callbackUrl=${encodeURIComponent(pathname + search)}`;
  // Next needs an absolute Location; build it from the Host the browser used (nextUrl may say localhost).
  const host = req.headers.get('host') ?? req.nextUrl.host;
  const proto = req.headers.get('x-forwarded-proto') ?? req.nextUrl.protocol.replace(':', '');
  return NextResponse.redirect(new URL(target, `${proto}://${host}`), 307);
});

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)'],
};
