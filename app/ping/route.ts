// Liveness probe for Playwright's webServer and load balancers; touches nothing.
export function GET() {
  return new Response('ok', { headers: { 'content-type': 'text/plain' } });
}
