import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { trustedProxyHops } from '@/lib/config/deployment';
import { CLIENT_ADDRESS_HEADER, clientAddress, STAMP_INSTALLED } from './client-address';

// Next hands pages, route handlers and server actions the request headers but not the socket, and it
// fills X-Forwarded-For with the socket address only when the client sent none. Node announces every
// request on this channel, with its socket, before the server's request handler runs: the client address
// is computed here and written over any header of the same name the client sent.

const CHANNEL = 'http.server.request.start';
type RequestStart = { request: IncomingMessage; socket?: Socket };

export function stampRequest(request: IncomingMessage, socket: Socket | undefined, hops: number): void {
  const xff = request.headers['x-forwarded-for'];
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress({
    peer: socket?.remoteAddress ?? request.socket?.remoteAddress,
    forwardedFor: Array.isArray(xff) ? xff.join(',') : xff,
    trustedHops: hops,
  });
}

/** Stamps every request this process serves from now on; returns the way to stop (for tests). */
export function installClientAddressStamp(env: Record<string, string | undefined> = process.env): () => void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[STAMP_INSTALLED]) return () => {};
  const hops = trustedProxyHops(env);
  const onRequest = (message: unknown) => {
    const { request, socket } = message as RequestStart;
    stampRequest(request, socket, hops);
  };
  subscribe(CHANNEL, onRequest);
  g[STAMP_INSTALLED] = true;
  return () => {
    unsubscribe(CHANNEL, onRequest);
    delete g[STAMP_INSTALLED];
  };
}
