// `tsx bench/cpu.ts`: the CPU milliseconds `next start` spends per request on each page (read from
// /proc, so it holds up on a busy machine where req/s does not). Used to find where signed-in pages
// spend their time; `npm run bench` remains the measurement of record. DB=… N=… ONLY=dashboard,trivial
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startServer, signInCookie } from './http';
import { BENCH_PASSWORD } from './seed';
import { deepPageUrls } from './pages';
const DB = process.env.DB ?? 'postgres://postgres@127.0.0.1:5432/beian_bench_1000';
const N = Number(process.env.N ?? 300);
function cpuMs(pid: number): number {
  let t = 0;
  const walk = (p: number) => {
    try { const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' '); t += Number(f[11]) + Number(f[12]); } catch {}
    try { for (const k of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) walk(Number(k)); } catch {}
  };
  walk(pid);
  return t * 10; // clock ticks (100 Hz) → ms
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
    const c0 = cpuMs(server.pid); const t0 = Date.now();
    const r = await autocannon({ ...opts, amount: N });
    const c1 = cpuMs(server.pid);
    console.log(`${name.padEnd(16)} ${((c1 - c0) / N).toFixed(2)} ms CPU/req  (${(N / ((Date.now() - t0) / 1000)).toFixed(0)} req/s wall, non2xx ${r.non2xx}, bytes/req ${(r.throughput.total / N / 1024).toFixed(1)} KB)`);
  }
} finally { await server.stop(); }
