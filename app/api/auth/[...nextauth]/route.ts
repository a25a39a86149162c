import type { NextRequest } from 'next/server';
import { handlers } from '@/app/_server/auth';
import { publicOrigin } from '@/lib/config/deployment';

/**
 * Next 16 hands route handlers a URL on its own listen address (http://localhost:PORT), and a NextRequest
 * rebuilt on another origin snaps back to it (so AUTH_URL does not help here). Auth.js derives callbacks,
 * allowed callbackUrls, cookie names and redirects from that URL. Give Auth.js a plain Request on the
 * configured public origin (PUBLIC_BASE_URL), never on a Host or X-Forwarded-Host the client chose.
 */
async function onPublicOrigin(req: NextRequest): Promise<NextRequest> {
  const url = new URL(req.nextUrl.pathname + req.nextUrl.search, publicOrigin());
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer();
  const plain = new Request(url, { method: req.method, headers: req.headers, body });
  // next-auth reads nextUrl only when AUTH_URL is set; keep it consistent for that case.
  return Object.assign(plain, { nextUrl: url }) as unknown as NextRequest;
}

/**
 * Sign-in links are requested through the login page's action only, which applies the per-account
 * limit and gives one answer whether or not the account exists. Auth.js' own sign-in POST would skip
 * both (it answered an unknown address with AccessDenied), so it does not exist here.
 */
function closed(req: NextRequest): boolean {
  return req.nextUrl.pathname.startsWith('/api/auth/signin');
}

const notFound = () => new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export const GET = async (req: NextRequest) => handlers.GET(await onPublicOrigin(req));
export const POST = async (req: NextRequest) => (closed(req) ? notFound() : handlers.POST(await onPublicOrigin(req)));
