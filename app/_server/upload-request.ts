import 'server-only';
import { BODY_TOO_LARGE_MESSAGE, declaredTooLarge, type UploadReply } from '@/lib/http/body-limits';
import { config } from '@/lib/config';

// The upload route handlers' common front door: same-origin only (server actions get this from Next; a
// route handler must check it), and a body read no further than its limit.

export function reply<T>(status: number, body: UploadReply<T>): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

export const tooLarge = () => reply(413, { ok: false, message: BODY_TOO_LARGE_MESSAGE, fieldErrors: { file: [BODY_TOO_LARGE_MESSAGE] } });

/**
 * A POST from another site is refused: the browser says so (Sec-Fetch-Site), or its Origin is not the
 * portal's (PUBLIC_BASE_URL, or the Host the request came to).
 */
export function crossSite(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return true;
  const origin = req.headers.get('origin');
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  const allowed = new Set<string>();
  const base = config().PUBLIC_BASE_URL;
  if (base) {
    try {
      allowed.add(new URL(base).host);
    } catch {
      /* a malformed setting allows nothing extra */
    }
  }
  const requestHost = req.headers.get('host');
  if (requestHost) allowed.add(requestHost);
  return !allowed.has(host);
}

/**
 * The multipart form of `req`, read up to `limit` bytes: a declared length over it is refused before
 * reading, and a body without one (chunked) is cut off once it passes the limit. Anything else that is not a
 * form is a 400.
 */
export async function readLimitedForm(req: Request, limit: number): Promise<FormData | Response> {
  if (declaredTooLarge(req.headers.get('content-length'), limit)) return tooLarge();
  const type = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data;/i.test(type) || !req.body) return reply(400, { ok: false, message: '请求格式不正确，请刷新页面后重试。' });
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return tooLarge();
    }
    chunks.push(value);
  }
  try {
    return await new Response(new Blob(chunks as BlobPart[]), { headers: { 'content-type': type } }).formData();
  } catch {
    return reply(400, { ok: false, message: '请求格式不正确，请刷新页面后重试。' });
  }
}
