import autocannon from 'autocannon';
import { signInCookie } from './http';
import { BENCH_PASSWORD } from './seed';
const base='http://127.0.0.1:3481';
const filer = await signInCookie(base, 'bench-filer@bench.example', BENCH_PASSWORD);
const t0=Date.now();
const r = await autocannon({ url: base + (process.argv[2]??'/dashboard'), connections: 10, amount: Number(process.argv[3]??500), headers: process.argv[2]==='/status'?{}:{ cookie: filer } });
console.log(r.requests.total, r.non2xx, (Date.now()-t0)/1000);
