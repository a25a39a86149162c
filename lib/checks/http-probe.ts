import http from 'node:http';
import https from 'node:https';
import { resolve4, resolve6 } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { ADDRESS_CLASS_LABELS, classifyAddress, isIpLiteral } from '../net/address';
import type { FetchResult, Probes } from './website';

// The Node implementation of the website probes: strict timeout, size and redirect limits, and it only ever
// contacts the filed hosts — a redirect to any other host is reported, never followed. Names are resolved
// inside the lookup function the socket calls, and every address is classified there (lib/net/address.ts):
// the address checked is the address connected to, on every hop, so a DNS answer that changes between a
// check and the connection (re-binding) cannot reach loopback, private or metadata addresses. Tests pin
// names with `resolve` and may opt in to loopback targets with `allowPrivate`.

export type ProbeOptions = {
  /** Hosts the probe may contact (the filed domains and their www.). */
  allowedHosts: ReadonlySet<string>;
  resolve?: (host: string) => Promise<string[]>;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Port override for tests (a local server instead of 80/443). */
  port?: number;
  /** Tests only (lib/checks/private-targets.ts decides): loopback and private addresses may be contacted. */
  allowPrivate?: boolean;
};

const DEFAULTS = { timeoutMs: 5000, maxBytes: 2 * 1024 * 1024, maxRedirects: 5 };

export const systemResolve = async (host: string): Promise<string[]> => resolve4(host).catch(() => []);
/** A and AAAA: the addresses a connection to `host` could use. */
const connectResolve = async (host: string): Promise<string[]> => [...(await resolve4(host).catch(() => [])), ...(await resolve6(host).catch(() => []))];

class AddressRefused extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}
class NoAddress extends Error {}

/** Why `address` may not be contacted, or null when it may. */
function refusal(host: string, address: string, allowPrivate: boolean): string | null {
  const cls = classifyAddress(address);
  if (cls === 'public') return null;
  if (allowPrivate && cls !== 'invalid') return null;
  return `${host} → ${address}，${ADDRESS_CLASS_LABELS[cls]}`;
}

export function createHttpProbes(opts: ProbeOptions): Probes {
  const o = { ...DEFAULTS, ...opts };
  return {
    resolve: opts.resolve ?? systemResolve,
    async fetchHomepage(host) {
      let url = new URL(`http://${host}/`);
      const seen = new Set<string>();
      for (let hop = 0; hop <= o.maxRedirects; hop++) {
        if (!o.allowedHosts.has(url.hostname.toLowerCase())) {
          return { ok: false, reason: 'redirect_elsewhere', detail: url.hostname };
        }
        if (seen.has(url.href)) return { ok: false, reason: 'redirect_loop', detail: url.href };
        seen.add(url.href);
        const res = await getOnce(url, o);
        if (res.kind === 'redirect') {
          url = new URL(res.location, url);
          continue;
        }
        return res.result;
      }
      return { ok: false, reason: 'redirect_loop', detail: `超过 ${o.maxRedirects} 次重定向` };
    },
  };
}

/**
 * The lookup the socket calls to turn a name into addresses: resolves, then refuses the connection unless
 * every address is allowed (a name with one private address among public ones is refused as a whole).
 */
export function guardedLookup(resolve: (host: string) => Promise<string[]>, allowPrivate: boolean): LookupFunction {
  return (hostname, options, cb) => {
    const reply = cb as unknown as (err: Error | null, address?: string | { address: string; family: number }[], family?: number) => void;
    resolve(hostname).then(
      (addresses) => {
        if (!addresses.length) return reply(new NoAddress(hostname));
        for (const a of addresses) {
          const why = refusal(hostname, a, allowPrivate);
          if (why) return reply(new AddressRefused(why));
        }
        const list = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
        if ((options as { all?: boolean }).all) reply(null, list);
        else reply(null, list[0]!.address, list[0]!.family);
      },
      (err: Error) => reply(err),
    );
  };
}

type Once = { kind: 'redirect'; location: string } | { kind: 'done'; result: FetchResult };

function getOnce(url: URL, o: typeof DEFAULTS & ProbeOptions): Promise<Once> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A socket skips the lookup for an address written as such: check it here instead.
  if (isIpLiteral(host)) {
    const why = refusal(host, host, o.allowPrivate === true);
    if (why) return Promise.resolve({ kind: 'done', result: { ok: false, reason: 'forbidden_address', detail: why } });
  }
  const lookup = guardedLookup(o.resolve ?? connectResolve, o.allowPrivate === true);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolvePromise) => {
    let settled = false;
    const done = (v: Once) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolvePromise(v);
    };
    const fail = (reason: Extract<FetchResult, { ok: false }>['reason'], detail: string) => done({ kind: 'done', result: { ok: false, reason, detail } });
    const req = client.get(
      url,
      // No connection reuse: each request's socket goes through the guarded lookup.
      { lookup, agent: false, port: o.port ?? (url.protocol === 'https:' ? 443 : 80), headers: { 'user-agent': 'BeianPortal-Check/1.0', accept: 'text/html' } },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) return done({ kind: 'redirect', location: res.headers.location });
        if (status >= 400) return fail('http_status', `HTTP ${status}`);
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > o.maxBytes) return fail('too_large', `${declared} 字节`);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > o.maxBytes) return fail('too_large', `超过 ${o.maxBytes} 字节`);
          chunks.push(c);
        });
        res.on('end', () => done({ kind: 'done', result: { ok: true, status, html: Buffer.concat(chunks).toString('utf8'), url: url.href } }));
        res.on('error', (e) => fail('connect', e.message));
      },
    );
    // One deadline for the whole request, body included: a slow drip cannot hold a worker.
    const timer = setTimeout(() => fail('timeout', `${o.timeoutMs} ms`), o.timeoutMs);
    req.on('error', (e) => {
      if (e instanceof AddressRefused) return fail('forbidden_address', e.detail);
      if (e instanceof NoAddress) return fail('no_address', url.hostname);
      fail('connect', e.message);
    });
  });
}
