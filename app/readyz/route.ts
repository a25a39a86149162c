import { getDb, getDbHandle } from '@/db/client';
import { readiness } from '@/db/health';
import { sessionUserCacheIfStarted } from '@/db/session-users';
import { isDraining } from '@/db/jobs/shutdown';

// Readiness for a load balancer: 503 while the database does not answer or lacks this build's migrations,
// while the listener that keeps the caches exact is down, and once the process is stopping.
// The body names the checks only (db/health.ts); no error text reaches an anonymous caller.
export async function GET() {
  const handle = await getDbHandle().catch(() => null);
  // The session cache starts with the first signed-in request; until then nothing depends on the listener.
  const cache = handle ? sessionUserCacheIfStarted(handle) : undefined;
  const { ready, checks } = await readiness(getDb, { listenerLive: () => cache?.live ?? true, draining: isDraining });
  return Response.json({ status: ready ? 'ok' : 'unavailable', checks }, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
