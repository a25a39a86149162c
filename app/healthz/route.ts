// Liveness for an orchestrator: the process answers. Touches no database, so a database outage never
// gets healthy processes restarted (that is what /readyz reports).
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
