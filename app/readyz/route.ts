import { getDb } from '@/db/client';
import { readiness } from '@/db/health';

// Readiness for a load balancer: 503 while the database does not answer or lacks this build's migrations.
// The body names the checks only (db/health.ts); no error text reaches an anonymous caller.
export async function GET() {
  const { ready, checks } = await readiness(getDb);
  return Response.json({ status: ready ? 'ok' : 'unavailable', checks }, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
