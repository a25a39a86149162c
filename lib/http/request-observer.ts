import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { routeLabel } from './route-label';

// One place that sees every request the process serves (pages, server actions, route handlers, assets,
// with the status actually sent): Node announces each on this channel before the server's handler runs.
// Here each request gets its id (the load balancer's when sane, else a new one; proxy.ts keeps it) on the
// request and the response, and its duration is reported when the response is finished.

const CHANNEL = 'http.server.request.start';
const INSTALLED = Symbol.for('beian.requestObserver');

export type RequestDone = { route: string; method: string; status: number; seconds: number };
type RequestStart = { request: IncomingMessage; response: ServerResponse };

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function installRequestObserver(onDone: (r: RequestDone) => void): () => void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[INSTALLED]) return () => {};
  const onRequest = (message: unknown) => {
    const { request, response } = message as RequestStart;
    const started = process.hrtime.bigint();
    const incoming = request.headers[REQUEST_ID_HEADER];
    const id = requestIdFrom(Array.isArray(incoming) ? incoming[0] : incoming);
    request.headers[REQUEST_ID_HEADER] = id;
    if (!response.headersSent) response.setHeader(REQUEST_ID_HEADER, id);
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const method = METHODS.has(request.method ?? '') ? request.method! : 'other';
      onDone({ route: routeLabel(request.url ?? '/', response.statusCode), method, status: response.statusCode, seconds });
    });
  };
  subscribe(CHANNEL, onRequest);
  g[INSTALLED] = true;
  return () => {
    unsubscribe(CHANNEL, onRequest);
    delete g[INSTALLED];
  };
}
