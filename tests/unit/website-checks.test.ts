import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkWebsite, type SiteUnderCheck } from '@/lib/checks/website';
import { createHttpProbes, guardedLookup } from '@/lib/checks/http-probe';

// A local HTTP server plays every filed site (routing by Host); a stub resolver pins names to loopback.
const GOOD = (name: string, num: string) =>
  `<html><head><title>${name} - 首页</title></head><body><footer><a href="https://beian.miit.gov.cn/" target="_blank">${num}</a></footer></body></html>`;

const pages: Record<string, (res: http.ServerResponse) => void> = {
  'good.test': (res) => res.end(GOOD('云栖科技官网', '浙ICP备2019031245号-1')),
  'nofooter.test': (res) => res.end('<html><head><title>云栖科技官网</title></head><body>欢迎</body></html>'),
  'wrongnum.test': (res) => res.end(GOOD('云栖科技官网', '浙ICP备2019031245号-9')),
  'wronghost.test': (res) => res.end('<html><head><title>云栖科技官网</title></head><body><a href="https://beian.example.com/">浙ICP备2019031245号-1</a></body></html>'),
  'wrongtitle.test': (res) => res.end(GOOD('Yunqi Dev Forum', '浙ICP备2019031245号-1')),
  'loop.test': (res) => { res.writeHead(302, { location: 'http://www.loop.test/' }); res.end(); },
  'www.loop.test': (res) => { res.writeHead(302, { location: 'http://loop.test/' }); res.end(); },
  'huge.test': (res) => { res.writeHead(200, { 'content-type': 'text/html' }); const chunk = 'x'.repeat(64 * 1024); let sent = 0; const push = () => { while (sent < 10 * 1024 * 1024) { sent += chunk.length; if (!res.write(chunk)) return void res.once('drain', push); } res.end(); }; push(); },
  'slow.test': (res) => { res.writeHead(200); res.write('<html>'); setTimeout(() => res.end('</html>'), 3000); },
  'elsewhere.test': (res) => { res.writeHead(301, { location: 'http://not-filed.example/' }); res.end(); },
  'otherip.test': (res) => res.end(GOOD('云栖科技官网', '浙ICP备2019031245号-1')),
  'www.wwwonly.test': (res) => res.end(GOOD('云栖科技官网', '浙ICP备2019031245号-1')),
  'barenum.test': (res) => res.end(GOOD('云栖科技官网', '浙ICP备2019031245号-1')),
  'www.barenum.test': (res) => res.end('<html><head><title>云栖科技官网</title></head><body>欢迎</body></html>'),
};

let server: http.Server;
let port = 0;
const contacted = new Set<string>();
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0]!;
    contacted.add(host);
    // www.<name> serves the same page as <name> unless it has its own.
    const page = pages[host] ?? pages[host.replace(/^www\./, '')];
    if (page) page(res);
    else { res.writeHead(404); res.end(); }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

// Only loopback addresses, ever: the filed IP of otherip.test is 127.0.0.9 while it resolves to 127.0.0.1.
const dns: Record<string, string[]> = { 'nodns.test': [] };
const resolve = async (host: string) => dns[host] ?? ['127.0.0.1'];

function site(domain: string): SiteUnderCheck {
  return { websiteId: 'w1', domains: [{ id: 'd1', name: domain }], filedIps: [domain === 'otherip.test' ? '127.0.0.9' : '127.0.0.1'], siteIcpNumber: '浙ICP备2019031245号-1', subjectIcpNumber: '浙ICP备2019031245号', siteName: '云栖科技官网', province: '33' };
}

async function codesFor(domain: string, timeoutMs = 1000) {
  const allowed = new Set([domain, `www.${domain}`]);
  const probes = createHttpProbes({ allowedHosts: allowed, resolve, port, allowPrivate: true, timeoutMs, maxBytes: 2 * 1024 * 1024 });
  return (await checkWebsite(site(domain), probes)).findings.map((f) => f.code);
}

describe('website checks against a local server and a stub resolver', () => {
  it.each([
    ['good.test', []],
    ['nofooter.test', ['FOOTER_ICP_NUMBER_MISSING']],
    ['wrongnum.test', ['FOOTER_ICP_NUMBER_MISSING']],
    ['wronghost.test', ['FOOTER_ICP_NUMBER_MISSING']],
    ['wrongtitle.test', ['SITE_TITLE_MISMATCH']],
    ['loop.test', ['SITE_UNREACHABLE']],
    ['huge.test', ['SITE_UNREACHABLE']],
    ['slow.test', ['SITE_UNREACHABLE']],
    ['elsewhere.test', ['SITE_UNREACHABLE']],
    // 004: 主域名和 www. 域名，都需要可以打开并且底部有备案号 — each host is checked on its own.
    ['wwwonly.test', ['FOOTER_ICP_NUMBER_MISSING']],
    ['barenum.test', ['FOOTER_ICP_NUMBER_MISSING']],
    ['otherip.test', ['DNS_NOT_AT_PROVIDER']],
  ] as const)('%s yields exactly %j', async (domain, expected) => {
    expect(await codesFor(domain)).toEqual(expected);
  });

  it('names the host that fails: the www. page without the number, or the bare domain that does not open', async () => {
    const probes = (d: string) => createHttpProbes({ allowedHosts: new Set([d, `www.${d}`]), resolve, port, allowPrivate: true, timeoutMs: 1000 });
    const bare = await checkWebsite(site('barenum.test'), probes('barenum.test'));
    expect(bare.findings[0]?.observed).toBe('www.barenum.test 首页底部未找到链接至 beian.miit.gov.cn 的备案号');
    expect(bare.domains[0]?.hosts?.map((h) => h.host)).toEqual(['barenum.test', 'www.barenum.test']);
    const www = await checkWebsite(site('wwwonly.test'), probes('wwwonly.test'));
    expect(www.findings[0]?.observed).toMatch(/^wwwonly\.test 无法打开：首页返回错误状态码（HTTP 404）/);
  });

  it('a domain with no DNS records is both unresolved and unreachable', async () => {
    expect(await codesFor('nodns.test')).toEqual(['DNS_NOT_AT_PROVIDER', 'SITE_UNREACHABLE']);
  });

  it('never contacts a host outside the filed domains', () => {
    expect(contacted.has('not-filed.example')).toBe(false);
    expect([...contacted].every((h) => h.endsWith('.test'))).toBe(true);
  });

  it('reports the unreachable reason in Chinese', async () => {
    const probes = createHttpProbes({ allowedHosts: new Set(['slow.test', 'www.slow.test']), resolve, port, allowPrivate: true, timeoutMs: 300 });
    const { findings } = await checkWebsite(site('slow.test'), probes);
    expect(findings[0]!.observed).toContain('访问超时');
  });
});

describe('several domains on one website', () => {
  it('checks every reachable homepage and names the failing domains', async () => {
    const s: SiteUnderCheck = { ...site('good.test'), domains: [{ id: 'd1', name: 'good.test' }, { id: 'd2', name: 'nofooter.test' }] };
    const probes = createHttpProbes({ allowedHosts: new Set(['good.test', 'www.good.test', 'nofooter.test', 'www.nofooter.test']), resolve, port, allowPrivate: true, timeoutMs: 1000 });
    const { findings } = await checkWebsite(s, probes);
    expect(findings.map((f) => f.code)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
    expect(findings[0]!.observed).toContain('nofooter.test');
    expect(findings[0]!.observed).not.toContain('good.test 首页');
  });
});

describe('the probe’s DNS lookup refuses what it must not connect to', () => {
  const look = (addresses: string[], all: boolean, allowPrivate = false) =>
    new Promise<{ err: Error | null; result: unknown }>((done) =>
      guardedLookup(async () => addresses, allowPrivate)('site.test', { all }, ((err: Error | null, address: unknown, family?: number) => done({ err, result: all ? address : [address, family] })) as never),
    );

  it.each([['127.0.0.1'], ['169.254.169.254'], ['::ffff:127.0.0.1'], ['8.8.8.8', '10.1.2.3'], ['fe80::1'], ['0.0.0.0'], ['100.64.1.1'], ['224.0.0.1'], ['fc00::2']])('refuses %s', async (...addresses) => {
    const { err } = await look(addresses, true);
    expect(err?.message).toMatch(/^site\.test → /);
  });

  it('answers with the public addresses it was given, in the form the socket asked for', async () => {
    expect(await look(['8.8.8.8', '2400:3200::1'], true)).toEqual({ err: null, result: [{ address: '8.8.8.8', family: 4 }, { address: '2400:3200::1', family: 6 }] });
    expect(await look(['8.8.8.8'], false)).toEqual({ err: null, result: ['8.8.8.8', 4] });
    expect((await look(['127.0.0.1'], false, true)).err).toBeNull();
  });

  it('passes a resolver failure on to the socket', async () => {
    const err = await new Promise<Error | null>((done) => guardedLookup(async () => Promise.reject(new Error('SERVFAIL')), false)('site.test', {}, ((e: Error | null) => done(e)) as never));
    expect(err?.message).toBe('SERVFAIL');
  });

  it('refuses an address written in the URL itself (no lookup happens for it)', async () => {
    const probes = createHttpProbes({ allowedHosts: new Set(['127.0.0.1']), port, timeoutMs: 500 });
    const r = await probes.fetchHomepage('127.0.0.1');
    expect(r).toMatchObject({ ok: false, reason: 'forbidden_address' });
  });
});
