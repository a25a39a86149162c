import http from 'node:http';
import https from 'node:https';
import { resolve4 } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import type { FetchResult, Probes } from './website';

// The Node implementation of the website probes: strict timeout, size and redirect limits, and it only ever
// contacts the filed hosts — a redirect to any other host is reported, never followed. Addresses come from
// the injected resolver, so tests pin every name to a loopback server.

export type ProbeOptions = {
  /** Hosts the probe may contact (the filed domains and their www.). */
  allowedHosts: ReadonlySet<string>;
  resolve?: (host: string) => Promise<string[]>;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Port override for tests (a local server instead of 80/443). */
  port?: number;
};

const DEFAULTS = { timeoutMs: 5000, maxBytes: 2 * 1024 * 1024, maxRedirects: 5 };

export const systemResolve = async (host: string): Promise<string[]> => resolve4(host).catch(() => []);

export function createHttpProbes(opts: ProbeOptions): Probes {
  const resolve = opts.resolve ?? systemResolve;
  const o = { ...DEFAULTS, ...opts };
  return {
    resolve,
    async fetchHomepage(host) {
      let url = new URL(`http://${host}/`);
      const seen = new Set<string>();
      for (let hop = 0; hop <= o.maxRedirects; hop++) {
        if (!o.allowedHosts.has(url.hostname.toLowerCase())) {
          return { ok: false, reason: 'redirect_elsewhere', detail: url.hostname };
        }
        if (seen.has(url.href)) return { ok: false, reason: 'redirect_loop', detail: url.href };
        seen.add(url.href);
        const [address] = await resolve(url.hostname);
        if (!address) return { ok: false, reason: 'no_address', detail: url.hostname };
        const res = await getOnce(url, address, o);
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

type Once = { kind: 'redirect'; location: string } | { kind: 'done'; result: FetchResult };

function getOnce(url: URL, address: string, o: typeof DEFAULTS & ProbeOptions): Promise<Once> {
  const lookup: LookupFunction = (_host, options, cb) => {
    const family = address.includes(':') ? 6 : 4;
    if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else cb(null, address, family);
  };
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
      { lookup, port: o.port ?? (url.protocol === 'https:' ? 443 : 80), headers: { 'user-agent': 'BeianPortal-Check/1.0', accept: 'text/html' } },
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
    req.on('error', (e) => fail('connect', e.message));
  });
}
