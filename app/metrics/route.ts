import { getDbHandle } from '@/db/client';
import { renderMetrics } from '@/db/metrics';
import { config } from '@/lib/config';
import { bearerMatches } from '@/lib/security/bearer';

// Prometheus scrape endpoint. Off (404) unless METRICS_TOKEN is set; then only `Authorization: Bearer
// <METRICS_TOKEN>` gets the figures — a portal session, even an operator's, does not.
export async function GET(req: Request) {
  const token = config().METRICS_TOKEN;
  if (!token) return new Response('Not Found', { status: 404, headers: { 'cache-control': 'no-store' } });
  if (!bearerMatches(req.headers.get('authorization'), token)) {
    return new Response('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Bearer', 'cache-control': 'no-store' } });
  }
  const { body, contentType } = await renderMetrics(await getDbHandle());
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
