import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import postgres from 'postgres';
import { benchImport } from './import';

// The notice wave (`BENCH_WAVE=1 npm run bench`, or `DATABASE_URL=… npx tsx bench/wave.ts` on a database
// seeded by bench:seed): an import of one row per subject queues one 整改通知 e-mail per subject, and
// `npm run worker` processes deliver them to a real SMTP server on localhost that counts what it accepts by
// the X-Outbox-Id header. One worker runs alone for a while (its rate), then two deliver the rest. Reported:
// mails/s with one and with two workers, worker CPU per mail, and whether every mail arrived exactly once.
// BENCH_WAVE_MAILS sets the size (default 100,000, capped by the subjects the database has).

export const WAVE_TARGET = { mailsPerSecond: 150, minutes: 12 };

export type WaveBench = {
  mails: number;
  oneWorker: { mails: number; seconds: number; perSecond: number };
  twoWorkers: { mails: number; seconds: number; perSecond: number };
  cpuMsPerMail: number;
  received: number;
  duplicates: number;
  missing: number;
  totalMinutes: number;
  pass: boolean;
};

/** An SMTP sink: accepts everything, reads only the header block, counts messages by X-Outbox-Id. */
async function startSink() {
  const seen = new Map<string, number>();
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData: (stream, _session, done) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^x-outbox-id:\s*(\d+)/im.exec(head)?.[1] ?? `anon-${count}`;
        seen.set(id, (seen.get(id) ?? 0) + 1);
        count++;
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    seen,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function startWorker(url: string, smtpUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'db/jobs/worker-cli.ts'], {
    env: { ...process.env, DATABASE_URL: url, SMTP_URL: smtpUrl, REMINDERS: '0', OUTBOX_INTERVAL_MS: '200' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** User + system CPU seconds of a live process, from /proc (clock ticks of 10 ms on Linux). */
function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

async function stopWorker(w: ChildProcess): Promise<void> {
  if (w.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
  w.kill('SIGTERM');
  await exited;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchWave(sourceUrl: string, opts: { mails?: number; log?: (s: string) => void } = {}): Promise<WaveBench> {
  const log = opts.log ?? console.log;
  const wanted = opts.mails ?? Number(process.env.BENCH_WAVE_MAILS ?? 100_000);
  const imp = await benchImport(sourceUrl, { rows: wanted, perSubject: 1, keep: true, log }); // 100,000 rows stay under the 20 MB import limit
  const sql = postgres(imp.url, { max: 1, onnotice: () => {} });
  const sink = await startSink();
  const pending = async () => Number((await sql`select count(*)::int as n from outbox where status = 'pending'`)[0]!.n);
  try {
    const mails = Number((await sql`select count(*)::int as n from outbox where template = 'notice'`)[0]!.n);
    log(`  wave: ${mails} notice e-mails queued by a ${imp.rows}-row import (${imp.seconds.toFixed(1)} s)`);
    const t0 = performance.now();
    // One worker alone: a tenth of the wave or 60 s, whichever comes first.
    const first = startWorker(imp.url, sink.url);
    const oneTarget = Math.max(200, Math.floor(mails / 10));
    while (sink.count < oneTarget && performance.now() - t0 < 60_000 && first.exitCode === null) await sleep(250);
    const cpuFirst = cpuSeconds(first.pid!);
    const t1 = performance.now();
    const oneMails = sink.count;
    await stopWorker(first);
    const afterOne = sink.count;
    // Two workers for the rest.
    const t2 = performance.now();
    const workers = [startWorker(imp.url, sink.url), startWorker(imp.url, sink.url)];
    let cpuTwo = 0;
    const deadline = t2 + 30 * 60_000;
    while (performance.now() < deadline) {
      await sleep(500);
      cpuTwo = workers.reduce((n, w) => n + cpuSeconds(w.pid!), 0);
      if (sink.count >= mails && (await pending()) === 0) break;
    }
    const t3 = performance.now();
    await Promise.all(workers.map(stopWorker));
    await sleep(500);
    const dupes = [...sink.seen.values()].filter((n) => n > 1).length;
    const missing = mails - sink.seen.size;
    const oneSeconds = (t1 - t0) / 1000;
    const twoSeconds = (t3 - t2) / 1000;
    const twoMails = sink.count - afterOne;
    const r: WaveBench = {
      mails,
      oneWorker: { mails: oneMails, seconds: oneSeconds, perSecond: oneMails / oneSeconds },
      twoWorkers: { mails: twoMails, seconds: twoSeconds, perSecond: twoMails / twoSeconds },
      cpuMsPerMail: ((cpuFirst + cpuTwo) * 1000) / Math.max(1, sink.count),
      received: sink.count,
      duplicates: dupes,
      missing,
      totalMinutes: (t3 - t0) / 60_000,
      pass: false,
    };
    r.pass = dupes === 0 && missing === 0 && r.twoWorkers.perSecond >= WAVE_TARGET.mailsPerSecond;
    return r;
  } finally {
    await sink.stop();
    await sql.end();
    const admin = postgres(sourceUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${new URL(imp.url).pathname.slice(1)}" with (force)`);
    await admin.end();
  }
}

export function waveText(r: WaveBench): string {
  return `${r.mails} mails: 1 worker ${r.oneWorker.perSecond.toFixed(1)}/s, 2 workers ${r.twoWorkers.perSecond.toFixed(1)}/s; ` +
    `CPU ${r.cpuMsPerMail.toFixed(1)} ms/mail; received ${r.received}, duplicates ${r.duplicates}, missing ${r.missing}; ${r.totalMinutes.toFixed(1)} min`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('bench/wave.ts 需要 DATABASE_URL（已 bench:seed 的 PostgreSQL 库）。 needs DATABASE_URL (a database seeded by bench:seed).');
    process.exit(2);
  }
  const r = await benchWave(url);
  console.log(`${r.pass ? 'PASS' : 'FAIL'}  notice wave: ${waveText(r)} (≥ ${WAVE_TARGET.mailsPerSecond}/s with 2 workers, each once)`);
}
