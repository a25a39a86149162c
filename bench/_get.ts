import { signInCookie } from './http';
import { BENCH_PASSWORD } from './seed';
const c = await signInCookie('http://127.0.0.1:3483', 'bench-filer@bench.example', BENCH_PASSWORD);
const html = await (await fetch('http://127.0.0.1:3483/dashboard', { headers: { cookie: c } })).text();
process.stdout.write(html);
