import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pLimit from 'p-limit';
import { checkWebsite } from '@/lib/checks/website';
import { createHttpProbes } from '@/lib/checks/http-probe';

// Website checks of 1,000 local sites (target ≤ 30 s) with the concurrency cap respected: one loopback
// server plays every site, answering after 20 ms, and counts how many requests it holds at once.
export async function benchWebsiteChecks(sites = 1000, cap = 16) {
  let inFlight = 0;
  let peak = 0;
  const server = http.createServer((req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    const host = (req.headers.host ?? '').split(':')[0]!.replace(/^www\./, '');
    const n = host.split('.')[0]!.replace('site', '');
    setTimeout(() => {
      res.end(`<html><head><title>压测网站${n}</title></head><body><a href="https://beian.miit.gov.cn/">浙ICP备B${n}号-1</a></body></html>`);
      inFlight--;
    }, 20);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const limit = pLimit(cap);
  const t0 = Date.now();
  const results = await Promise.all(
    Array.from({ length: sites }, (_, i) =>
      limit(() => {
        const domain = `site${i}.bench.cn`;
        const probes = createHttpProbes({ allowedHosts: new Set([domain, `www.${domain}`]), resolve: async () => ['127.0.0.1'], port, timeoutMs: 5000 });
        return checkWebsite({ websiteId: `w${i}`, domains: [{ id: `d${i}`, name: domain }], filedIps: ['127.0.0.1'], siteIcpNumber: `浙ICP备B${i}号-1`, subjectIcpNumber: `浙ICP备B${i}号`, siteName: `压测网站${i}`, province: '33' }, probes);
      }),
    ),
  );
  const seconds = (Date.now() - t0) / 1000;
  server.close();
  return { sites, seconds, peak, cap, findings: results.reduce((n, r) => n + r.findings.length, 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchWebsiteChecks());
