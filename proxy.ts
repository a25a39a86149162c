import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from './auth.config';

const { auth } = NextAuth(authConfig);

const PUBLIC_PREFIXES = ['/login', '/api/auth', '/ping', '/_next', '/favicon'];

// Coarse gate only: signed-out visitors go to sign-in and come back. Authorisation happens in every
// page, query and server action. The redirect is relative so it never names the wrong host.
export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (req.auth || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) {
    // Pages read the path to send a session that expired mid-visit back to where it was.
    const headers = new Headers(req.headers);
    headers.set('x-pathname', pathname + search);
    return NextResponse.next({ request: { headers } });
  }
  const target = `/login?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return new NextResponse(null, { status: 307, headers: { Location: target } });
});

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)'],
};
