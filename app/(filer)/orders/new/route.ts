import { NextResponse, type NextRequest } from 'next/server';
import { currentUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { createDraft } from '@/db/orders/drafts';
import { ORDER_TYPES, type OrderTypeValue } from '@/lib/domain/codes';
import { PublicError } from '@/lib/errors';

/**
 * Starts (or resumes) an order: the subject's open order if it has one, else a new draft prefilled from the
 * filing, then the wizard. GET because every remedy links here; prefetches never create anything.
 */
export async function GET(req: NextRequest) {
  const url = req.nextUrl;
  // A relative Location keeps the host the browser used (and so its session cookie).
  const back = (path: string) => new NextResponse(null, { status: 303, headers: { Location: path } });
  // Prefetches and client-router (RSC) fetches create nothing: a non-RSC answer makes the router fall back
  // to a full navigation, which then does the work exactly once.
  if (req.headers.get('rsc') || req.headers.get('next-router-prefetch') || req.headers.get('purpose') === 'prefetch') {
    return new NextResponse(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  }
  const user = await currentUser();
  if (!user) return back(`/login?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`);
  const type = url.searchParams.get('type') as OrderTypeValue | null;
  const subjectId = url.searchParams.get('subject');
  if (user.role !== 'filer' || !type || !ORDER_TYPES.includes(type) || !subjectId) return notFound();
  try {
    const r = await createDraft(await getDb(), {
      ownerId: user.id,
      type,
      subjectId,
      websiteId: url.searchParams.get('website'),
      findingId: url.searchParams.get('finding'),
      domainId: url.searchParams.get('domain'),
    });
    return back(r.existing ? `/orders/${r.orderId}?notice=existing` : `/orders/${r.orderId}/edit`);
  } catch (err) {
    if (err instanceof PublicError && err.name === 'NotFoundError') return notFound();
    if (err instanceof PublicError) return back(`/subjects/${subjectId}?error=${encodeURIComponent(err.message)}`);
    throw err;
  }
}

function notFound() {
  return new NextResponse('未找到该记录，或您无权访问。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
