import { startServer, signInCookie, load } from './http';
import { BENCH_PASSWORD } from './seed';
const path = process.argv[2] ?? '/dashboard';
const prof = process.argv[3] === 'prof';
const server = await startServer({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/beian_bench_1000', AUTH_SECRET: 'bench-secret-0123456789-0123456789', ...(prof ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof' } : {}) }, 3480);
try {
  const filer = await signInCookie(server.url, 'bench-filer@bench.example', BENCH_PASSWORD);
  for (const p of ['/status', path]) {
    const ck = p === '/status' ? undefined : filer;
    await load(server.url + p, { connections: 10, seconds: 2, cookie: ck });
    const r = await load(server.url + p, { connections: 10, seconds: 6, cookie: ck });
    console.log(p, r);
  }
} finally { await server.stop(); await new Promise(r=>setTimeout(r,3000)); }
