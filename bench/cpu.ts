// `tsx bench/cpu.ts`: the CPU milliseconds `next start`, PostgreSQL and the load generator spend per request
// on each page (read from /proc, so it holds up on a busy machine where req/s does not). Used to find where signed-in pages
// spend their time; `npm run bench` remains the measurement of record. DB=… SECONDS=… ONLY=dashboard,trivial
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startServer, signInCookie } from './http';
import { BENCH_PASSWORD } from './seed';
import { deepPageUrls } from './pages';
const DB = process.env.DB ?? 'postgres://postgres@127.0.0.1:5432/beian_bench_1000';
const SECONDS = Number(process.env.SECONDS ?? 6);
function cpuMs(pid: number): number {
  let t = 0;
  const walk = (p: number) => {
    try { const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' '); t += Number(f[11]) + Number(f[12]); } catch {}
    try { for (const k of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) walk(Number(k)); } catch {}
  };
  walk(pid);
  return t * 10; // clock ticks (100 Hz) → ms
}
/** CPU ms of every PostgreSQL process on the machine (the bench is the only client). */
function postgresMs(): number {
  let t = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.split(') ')[1]!.split(' ');
      t += Number(f[11]) + Number(f[12]);
    } catch {}
  }
  return t * 10;
}
const server = await startServer({ DATABASE_URL: DB, AUTH_SECRET: 'bench-secret-0123456789-0123456789' }, 3482);
try {
  const filer = await signInCookie(server.url, 'bench-filer@bench.example', BENCH_PASSWORD);
  const reviewer = await signInCookie(server.url, 'bench-reviewer@bench.example', BENCH_PASSWORD);
  const deep = await deepPageUrls(DB);
  const pages: [string, string, string | undefined][] = [['trivial', '/status', undefined], ['trivial+cookie', '/status', filer], ['dashboard', '/dashboard', filer], ['rectification', deep.rectification, filer], ['queue', '/review', reviewer]];
  for (const [name, path, cookie] of (process.env.ONLY ? pages.filter(p => process.env.ONLY!.split(',').includes(p[0])) : pages)) {
    const opts = { url: server.url + path, connections: 10, headers: cookie ? { cookie } : {} };
    await autocannon({ ...opts, amount: 100 });
    const c0 = cpuMs(server.pid); const p0 = postgresMs(); const l0 = process.cpuUsage(); const t0 = Date.now();
    const r = await autocannon({ ...opts, duration: SECONDS });
    const N = r.requests.total;
    const c1 = cpuMs(server.pid); const p1 = postgresMs(); const l1 = process.cpuUsage(l0);
    const per = (ms: number) => (ms / N).toFixed(2);
    console.log(`${name.padEnd(16)} next ${per(c1 - c0)} + postgres ${per(p1 - p0)} + load generator ${per((l1.user + l1.system) / 1000)} ms CPU/req  (${(N / ((Date.now() - t0) / 1000)).toFixed(0)} req/s, p99 ${r.latency.p99} ms, non2xx ${r.non2xx}, ${(r.throughput.total / N / 1024).toFixed(1)} KB/response)`);
  }
} finally { await server.stop(); }
