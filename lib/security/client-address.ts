import { isIP } from 'node:net';

// The address a sign-in attempt is counted against. X-Forwarded-For is written by whoever sends the
// request, so it is believed only as far as the deployment says proxies it trusts have written it:
// with 0 trusted hops (the default) the address is the socket's peer; with N it is the entry the
// Nth proxy from the portal appended (the Nth from the right), or the leftmost when the chain is shorter.

/**
 * The header that carries the client address inside the process. It is set on every incoming request
 * (stamp-client-address.ts), replacing any value the client sent, before Next sees the request.
 */
export const CLIENT_ADDRESS_HEADER = 'x-portal-client-address';

/** Marks the process as stamping CLIENT_ADDRESS_HEADER; without it the header is not believed. */
export const STAMP_INSTALLED = Symbol.for('beian.portal.clientAddressStamp');

/** '::ffff:10.0.0.1' and '10.0.0.1' are one client. */
export function normaliseAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let v = value.trim();
  if (v.startsWith('[') && v.includes(']')) v = v.slice(1, v.indexOf(']'));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(v);
  if (mapped) v = mapped[1]!;
  return isIP(v) ? v.toLowerCase() : null;
}

export function clientAddress(input: { peer: string | undefined | null; forwardedFor: string | undefined | null; trustedHops: number }): string {
  const peer = normaliseAddress(input.peer) ?? 'unknown';
  if (input.trustedHops <= 0) return peer;
  const chain = (input.forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return peer;
  const entry = chain[Math.max(0, chain.length - input.trustedHops)];
  // A trusted proxy writes addresses; anything else means the chain is not what the setting says.
  return normaliseAddress(entry) ?? peer;
}

/**
 * The client address of a request inside the portal: the stamped header, believed only when this
 * process stamps every request (otherwise a client could send the header itself).
 */
export function clientIpFrom(headers: Headers): string {
  if (!(globalThis as Record<symbol, unknown>)[STAMP_INSTALLED]) return 'unknown';
  return normaliseAddress(headers.get(CLIENT_ADDRESS_HEADER)) ?? 'unknown';
}
