import type { NextRequest } from 'next/server';
import { handlers } from '@/app/_server/auth';

/**
 * Next 16 hands route handlers a URL on its own listen address (http://localhost:PORT), whatever Host
 * the browser used, and a NextRequest rebuilt on another origin snaps back to it (so AUTH_URL does not
 * help here). Auth.js derives magic-link callbacks, allowed callbackUrls and redirects from that URL, so a
 * magic link opened on the public address would be sent to localhost without its session. Give Auth.js
 * a plain Request on the origin the browser used (authConfig trusts the Host header: trustHost).
 */
async function onPublicOrigin(req: NextRequest): Promise<NextRequest> {
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!host) return req;
  const proto = req.headers.get('x-forwarded-proto') ?? req.nextUrl.protocol.replace(':', '');
  const url = new URL(req.nextUrl.pathname + req.nextUrl.search, `${proto}://${host}`);
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer();
  const plain = new Request(url, { method: req.method, headers: req.headers, body });
  // next-auth reads nextUrl only when AUTH_URL is set; keep it consistent for that case.
  return Object.assign(plain, { nextUrl: url }) as unknown as NextRequest;
}

export const GET = async (req: NextRequest) => handlers.GET(await onPublicOrigin(req));
export const POST = async (req: NextRequest) => handlers.POST(await onPublicOrigin(req));
