import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from './auth.config';
import { contentSecurityPolicy } from './lib/security/headers';
import { encodeSessionJwt, needsRenewal, readSessionCookie, renewableClaims } from './lib/auth/session-jwt';
import { actionBodyProblem, MALFORMED_ACTION_BODY, type ActionBody } from './lib/security/action-body';
import { authSecret, config as appConfig } from './lib/config';
import { ACTION_BODY_LIMIT_BYTES, BODY_TOO_LARGE_MESSAGE, declaredTooLarge } from './lib/http/body-limits';
import { REQUEST_ID_HEADER, requestIdFrom } from './lib/http/request-id';

const PUBLIC_PREFIXES = ['/login', '/api/auth', '/ping', '/healthz', '/readyz', '/metrics', '/status', '/_next', '/favicon', '/robots.txt'];
const MAX_AGE = authConfig.session.maxAge;
// The session slides (8 hours after the last visit) but is re-issued at most every 10 minutes: running
// Auth.js' session endpoint on every request to mint a new token was a tenth of a signed-in page's CPU.
const RENEW_EVERY_SECONDS = 10 * 60;

// Coarse gate only: signed-out visitors go to sign-in and come back. Authorisation happens in every
// page, query and server action (the page re-checks the user, its role and session version in the DB).
export default async function proxy(req: NextRequest) {
  // The load balancer's request id when it sent a sane one, else a new one: passed on to the page, action or
  // route (their log lines carry it: app/_server/request-log.ts) and sent back on the response.
  const requestId = requestIdFrom(req.headers.get(REQUEST_ID_HEADER));
  const res = await route(req, requestId);
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}

async function route(req: NextRequest, requestId: string): Promise<Response> {
  const { pathname, search } = req.nextUrl;
  // Nothing that passes here takes more than form fields (uploads have their own routes, outside the
  // matcher): a larger body is refused before anyone reads it, signed in or not.
  if (req.method !== 'GET' && req.method !== 'HEAD' && declaredTooLarge(req.headers.get('content-length'), ACTION_BODY_LIMIT_BYTES)) {
    return new NextResponse(BODY_TOO_LARGE_MESSAGE, { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  if (req.method === 'POST' && req.headers.has('next-action')) {
    const refused = await malformedActionBody(req);
    if (refused) return refused;
  }
  const secret = authSecret();
  const session = await readSessionCookie((name) => req.cookies.get(name)?.value, secret);
  if (!session && !PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) {
    const target = `/login?callbackUrl=${encodeURIComponent(pathname + search)}`;
    // Next needs an absolute Location; build it from the Host the browser used (nextUrl may say localhost).
    const host = req.headers.get('host') ?? req.nextUrl.host;
    const proto = req.headers.get('x-forwarded-proto') ?? req.nextUrl.protocol.replace(':', '');
    return NextResponse.redirect(new URL(target, `${proto}://${host}`), 307);
  }
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // Uploads send their own, stricter policy (default-src 'none'; sandbox: lib/security/headers.ts).
  if (pathname.startsWith('/materials/')) return NextResponse.next({ request: { headers } });

  // A fresh nonce per response: Next reads it from the request's CSP header and stamps its scripts.
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, appConfig().NODE_ENV !== 'production');
  // Pages read the path to send a session that expired mid-visit back to where it was.
  headers.set('x-pathname', pathname + search);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', csp);

  // Sign-in and sign-out write the cookie themselves; never race them here.
  if (session && session !== 'chunked' && secret && !pathname.startsWith('/api/auth') && needsRenewal(session.payload, Math.floor(Date.now() / 1000), RENEW_EVERY_SECONDS)) {
    const token = await encodeSessionJwt({ token: renewableClaims(session.payload), secret, salt: session.name, maxAge: MAX_AGE });
    // The same attributes Auth.js gives its session cookie.
    res.cookies.set(session.name, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: session.name.startsWith('__Secure-'),
      expires: new Date(Date.now() + MAX_AGE * 1000),
    });
  }
  return res;
}

/**
 * A server-action body React's decoder would choke on (lib/security/action-body.ts) gets a Chinese
 * answer here, instead of the error digest Next would send after the decoder threw.
 */
async function malformedActionBody(req: NextRequest): Promise<Response | null> {
  let body: ActionBody;
  try {
    body = (req.headers.get('content-type') ?? '').startsWith('multipart/form-data')
      ? { fields: [...(await req.clone().formData()).entries()] as [string, string | Blob][] }
      : { text: await req.clone().text() };
  } catch {
    body = { text: '' }; // unreadable: refused below as not JSON
  }
  if (!actionBodyProblem(body)) return null;
  return new Response(MALFORMED_ACTION_BODY, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

export const config = {
  // The upload routes (lib/http/body-limits.ts) read their own bodies: the proxy would buffer and cut them.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|materials/upload$|admin/notices/import/upload$|.*\\.(?:png|svg|ico)$).*)'],
};
