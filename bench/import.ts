import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import postgres from 'postgres';

// `npx tsx bench/import.ts` (DATABASE_URL = a database seeded by `npm run bench:seed`): the CSV import of
// 100,000 rows (target ≤ 60 s, peak RSS ≤ 500 MB). It writes a check-results file naming filings of the bench
// data, clones the database (CREATE DATABASE … TEMPLATE, so the seeded one is left as it was; the source must
// have no open connections), and runs the operator's two steps — upload + preview (createImportBatch), then the
// run (startImport + runImportBatch) — in a child process whose peak RSS is its own (getrusage maxRSS,
// cross-checked against /proc VmHWM). The machine is shared, so it also reports the CPU seconds the importer
// and its PostgreSQL backends used, and three baselines from the same run: csv-parse over the file doing
// nothing, a COPY of the rows into a bare table, and the same writes done set-based in SQL (the floor).
// IMPORT_ROWS changes the size, BENCH_KEEP_IMPORT_DB=1 keeps the clone, IMPORT_CPU_PROF=1 profiles the child.

export type ImportBench = {
  rows: number;
  subjects: number;
  fileMb: number;
  previewSeconds: number;
  runSeconds: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  /** RSS of the child with its modules loaded, before the import starts. */
  startRssMb: number;
  createdFindings: number;
  notices: number;
  mails: number;
  parseSeconds: number;
  copySeconds: number;
  floorSeconds: number;
  /** CPU the import used: its own process, and the PostgreSQL backends it talked to. */
  nodeCpuSeconds: number;
  dbCpuSeconds: number;
  /** 1-minute load average at the end (the machine is shared: the wall-clock figures move with it). */
  loadAverage: number;
  pass: boolean;
};

export const IMPORT_TARGET = { seconds: 60, rssMb: 500 };

const PROVINCES = ['浙', '粤', '京', '沪', '苏', '蜀']; // bench/seed.ts: (array[…])[1 + g % 6]
const icp = (g: number) => `${PROVINCES[g % 6]}ICP备B${String(g).padStart(8, '0')}号`;
// Codes the seed never gives a website or a domain, so every row is a new finding (none is skipped as a
// duplicate of an unresolved one) and the run does the full work for each of the 100,000 rows.
const WEBSITE_CODES = ['SITE_UNREACHABLE', 'CONTENT_COMMERCIAL', 'SITE_TITLE_MISMATCH', 'FOOTER_ICP_NUMBER_MISSING'];
const WEBSITE_OBSERVED = ['首页无法访问（HTTP 502）', '网站内容涉及商品交易', '网站标题与备案名称不一致', '首页底部未展示备案号'];
const DOMAIN_CODES = ['DOMAIN_EXPIRED', 'DNS_NOT_AT_PROVIDER'];

/**
 * Two rows per subject (a website finding and a domain finding on another of its websites), or one (the
 * website finding), over subjects spread across the whole table, skipping the bench filer's five. Every
 * fifth row carries its own deadline.
 */
export async function writeBenchCsv(file: string, rows: number, subjects: number, deadline: string, perSubject: 1 | 2 = 2): Promise<number> {
  const wanted = Math.ceil(rows / perSubject);
  const stride = Math.max(1, Math.floor((subjects - 5) / wanted));
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('\uFEFF主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限\n');
  let n = 0;
  for (let j = 0; n < rows; j++) {
    const g = 6 + j * stride;
    if (g > subjects) throw new Error(`only ${subjects} subjects: not enough for ${rows} rows`);
    const k = 1 + (g % 3);
    const own = (i: number) => (i % 5 === 0 ? deadline : '');
    await write(`${icp(g)},${icp(g)}-${k},,${WEBSITE_CODES[g % 4]},${WEBSITE_OBSERVED[g % 4]},${own(n)}\n`);
    if (++n >= rows) break;
    if (perSubject === 1) continue;
    const k2 = 1 + ((g + 1) % 3);
    await write(`${icp(g)},${icp(g)}-${k2},b${g}-${k2}.bench.cn,${DOMAIN_CODES[g % 2]},"注册局查询：到期, 未续费",${own(n)}\n`);
    n++;
  }
  out.end();
  await once(out, 'finish');
  return n;
}

/** Baseline 1: csv-parse over the file, streamed, doing nothing with the records. */
async function parseOnly(file: string): Promise<{ rows: number; seconds: number }> {
  const t0 = performance.now();
  let rows = 0;
  for await (const _ of createReadStream(file).pipe(parse({ bom: true, columns: true, skip_empty_lines: true, trim: true }))) rows++;
  return { rows, seconds: (performance.now() - t0) / 1000 };
}

/** Baseline 2: the same rows COPYed into an unlogged table of six text columns (the database's floor). */
async function copyOnly(url: string, file: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`create temp table bench_copy (subject text, website text, domain text, code text, observed text, deadline text)`;
    const t0 = performance.now();
    const stream = await sql`copy bench_copy from stdin with (format csv, header true)`.writable();
    await pipeline(createReadStream(file), stream);
    return (performance.now() - t0) / 1000;
  } finally {
    await sql.end();
  }
}

/**
 * Baseline 3, the database's floor for the same writes: after the import, in one transaction rolled back at
 * the end, the same rows COPYed in, resolved to filings by joins, and written set-based (one statement per
 * table) as notices, findings (other codes, so nothing conflicts with what the import wrote) and audit rows,
 * through the same indexes, foreign keys and triggers. Caches are warm from the import, which flatters the floor.
 */
async function sqlFloor(url: string, file: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    let seconds = 0;
    await sql.begin(async (tx) => {
      await tx`create temp table c (subject text, website text, domain text, code text, observed text, deadline text) on commit drop`;
      await pipeline(createReadStream(file), await tx`copy c from stdin with (format csv, header true)`.writable());
      const t0 = performance.now();
      await tx`create temp table r on commit drop as
        select s.id as subject_id, w.id as website_id, d.id as domain_id,
               case when c.domain = '' then 'CONTENT_VIOLATION' else 'DOMAIN_OWNER_MISMATCH' end::finding_code as code,
               coalesce(nullif(c.deadline, '')::date, current_date + 30) as deadline, c.observed,
               md5(concat_ws('|', c.subject, c.website, c.domain, c.code, c.observed, c.deadline, 'floor')) as external_key
        from c join subjects s on s.icp_number = ltrim(c.subject, chr(65279))
        left join websites w on w.icp_number = c.website
        left join domains d on lower(d.name) = c.domain and d.removed_at is null`;
      await tx`create temp table n on commit drop as select gen_random_uuid() as id, subject_id, max(deadline) as deadline from r group by subject_id`;
      await tx`insert into notices (id, subject_id, source, deadline) select id, subject_id, 'import', deadline from n`;
      await tx`insert into findings (notice_id, subject_id, website_id, domain_id, code, deadline, observed_value, external_key)
        select n.id, r.subject_id, r.website_id, r.domain_id, r.code, r.deadline, r.observed, r.external_key from r join n using (subject_id)`;
      await tx`insert into audit_events (action, entity_type, entity_id, subject_id, details)
        select 'notice.issue', 'notice', id::text, subject_id, '{"source":"floor"}'::jsonb from n`;
      seconds = (performance.now() - t0) / 1000;
      throw new Rollback();
    }).catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
    return seconds;
  } finally {
    await sql.end();
  }
}

class Rollback extends Error {}

/** CPU seconds (user + system) of the PostgreSQL backends serving `db`, sampled until `stop()` is called. */
function watchBackends(db: string): { stop: () => number } {
  const ticks = new Map<number, number>();
  const sample = () => {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${db} `)) continue;
        const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ticks.set(Number(entry), Number(fields[11]) + Number(fields[12])); // utime, stime (fields 14, 15)
      } catch {
        /* gone */
      }
    }
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return [...ticks.values()].reduce((a, b) => a + b, 0) / 100; // USER_HZ
    },
  };
}

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function vmHwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

type ChildReport = { previewSeconds: number; runSeconds: number; cpuSeconds: number; startRssMb: number; maxRssMb: number; outcome: string; batch: { status: string; totalRows: number; processedRows: number; createdFindings: number; skippedRows: number; errorRows: number } };

/** Runs the import in a child process (its own heap and RSS), polling its VmHWM while it runs. */
async function runChild(url: string, csv: string): Promise<ChildReport & { hwmMb: number }> {
  const child = spawn(process.execPath, [...(process.env.IMPORT_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/perfdb-prof'] : []), '--import', 'tsx', fileURLToPath(import.meta.url), '--child'], {
    env: { ...process.env, BENCH_IMPORT_DB: url, BENCH_IMPORT_CSV: csv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  let hwm = 0;
  const poll = setInterval(() => (hwm = Math.max(hwm, vmHwmMb(child.pid!))), 200);
  const [code] = (await once(child, 'exit')) as [number];
  clearInterval(poll);
  const last = out.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !last.startsWith('{')) throw new Error(`import child exited ${code}: ${out.slice(-2000)}`);
  return { ...(JSON.parse(last) as ChildReport), hwmMb: hwm };
}

export async function benchImport(
  sourceUrl: string,
  opts: { rows?: number; perSubject?: 1 | 2; log?: (s: string) => void; keep?: boolean } = {},
): Promise<ImportBench & { url: string }> {
  const log = opts.log ?? console.log;
  const src = postgres(sourceUrl, { max: 1, onnotice: () => {} });
  const srcName = new URL(sourceUrl).pathname.slice(1);
  const scratch = `${srcName}_import`.slice(0, 63);
  const dir = await mkdtemp(path.join(tmpdir(), 'beian-bench-import-'));
  try {
    const [{ n: subjects }] = (await src`select count(*)::int as n from subjects`) as unknown as [{ n: number }];
    const per = opts.perSubject ?? 2;
    const rows = Math.min(opts.rows ?? 100_000, per * (subjects - 5));
    const csv = path.join(dir, 'checks.csv');
    const deadline = new Date(Date.now() + 45 * 86400_000).toISOString().slice(0, 10);
    await writeBenchCsv(csv, rows, subjects, deadline, per);
    const fileMb = (await stat(csv)).size / 1024 / 1024;
    log(`  import: ${rows} rows (${fileMb.toFixed(1)} MB) over ${Math.ceil(rows / per)} of ${subjects} subjects`);

    // A scratch copy of the seeded database: the import's 100k findings never reach the pages' benchmarks.
    await src.end();
    const admin = postgres(withDb(sourceUrl, 'postgres'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${scratch}" with (force)`);
    await admin.unsafe(`create database "${scratch}" template "${srcName}" strategy file_copy`);
    const url = withDb(sourceUrl, scratch);
    try {
      const { openDb } = await import('@/db/client');
      await (await openDb({ url })).close(); // migrations the seeded copy may lack, outside the timing
      const parsed = await parseOnly(csv);
      const copySeconds = await copyOnly(url, csv);
      const backends = watchBackends(scratch);
      const child = await runChild(url, csv);
      const dbCpuSeconds = backends.stop();
      const floorSeconds = await sqlFloor(url, csv);
      const check = postgres(url, { max: 1, onnotice: () => {} });
      const [counts] = await check`select
          (select count(*)::int from notices where source = 'import') as notices,
          (select count(*)::int from outbox where template = 'notice') as mails`;
      await check.end();
      const seconds = child.previewSeconds + child.runSeconds;
      const peakRssMb = Math.max(child.maxRssMb, child.hwmMb);
      const complete = child.batch.status === 'done' && child.batch.processedRows === rows && child.batch.createdFindings === rows;
      if (!complete) log(`  import incomplete: ${JSON.stringify(child.batch)}`);
      return {
        rows,
        subjects: Math.ceil(rows / per),
        fileMb,
        previewSeconds: child.previewSeconds,
        runSeconds: child.runSeconds,
        seconds,
        rowsPerSecond: rows / seconds,
        peakRssMb,
        startRssMb: child.startRssMb,
        createdFindings: child.batch.createdFindings,
        notices: Number(counts!.notices),
        mails: Number(counts!.mails),
        parseSeconds: parsed.seconds,
        copySeconds,
        floorSeconds,
        nodeCpuSeconds: child.cpuSeconds,
        dbCpuSeconds,
        loadAverage: loadavg()[0]!,
        pass: complete && seconds <= IMPORT_TARGET.seconds && peakRssMb <= IMPORT_TARGET.rssMb,
        url,
      };
    } finally {
      if (!opts.keep && process.env.BENCH_KEEP_IMPORT_DB !== '1') await admin.unsafe(`drop database if exists "${scratch}" with (force)`);
      await admin.end();
    }
  } finally {
    await src.end().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

/** The child: the operator's upload (stream to disk + preview) and the confirmed run, timed. */
async function child() {
  const { eq } = await import('drizzle-orm');
  const { openDb } = await import('@/db/client');
  const t = await import('@/db/schema');
  const { createImportBatch } = await import('@/db/imports/preview');
  const { runImportBatch, startImport } = await import('@/db/imports/runner');
  const { addDaysIso, todayIso } = await import('@/lib/time');
  const h = await openDb({ url: process.env.BENCH_IMPORT_DB!, migrate: false });
  const [staff] = await h.db.select().from(t.users).where(eq(t.users.email, 'bench-reviewer@bench.example'));
  const actor = { id: staff!.id, role: 'admin' as const };
  const startRssMb = process.memoryUsage().rss / 1024 / 1024; // modules loaded, nothing imported yet
  const t0 = performance.now();
  const { batchId } = await createImportBatch(h.db, {
    actor,
    fileName: 'bench-checks.csv',
    source: createReadStream(process.env.BENCH_IMPORT_CSV!),
    deadline: addDaysIso(todayIso(), 30),
  });
  const t1 = performance.now();
  await startImport(h.db, { actor, batchId });
  const outcome = await runImportBatch(h.db, batchId);
  const t2 = performance.now();
  const [b] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, batchId));
  await h.close();
  const report: ChildReport = {
    previewSeconds: (t1 - t0) / 1000,
    runSeconds: (t2 - t1) / 1000,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    startRssMb,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    outcome,
    batch: { status: b!.status, totalRows: b!.totalRows, processedRows: b!.processedRows, createdFindings: b!.createdFindings, skippedRows: b!.skippedRows, errorRows: b!.errorRows.length },
  };
  console.log(JSON.stringify(report));
}

export function importRowText(r: ImportBench): string {
  return `${r.seconds.toFixed(1)} s (预检 ${r.previewSeconds.toFixed(1)} + 导入 ${r.runSeconds.toFixed(1)}), ${Math.round(r.rowsPerSecond)} rows/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`;
}

if (process.argv.includes('--child')) {
  await child();
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('bench/import.ts 需要 DATABASE_URL（已 bench:seed 的 PostgreSQL 库）。 needs DATABASE_URL (a database seeded by bench:seed).');
    process.exit(2);
  }
  const r = await benchImport(url, { rows: process.env.IMPORT_ROWS ? Number(process.env.IMPORT_ROWS) : undefined });
  console.log(JSON.stringify(r, null, 2));
  console.log(`${r.pass ? 'PASS' : 'FAIL'}  CSV import of ${r.rows} rows: ${importRowText(r)} (≤ ${IMPORT_TARGET.seconds} s, ≤ ${IMPORT_TARGET.rssMb} MB)`);
  console.log(`      ${r.createdFindings} findings, ${r.notices} notices, ${r.mails} notice e-mails queued; file ${r.fileMb.toFixed(1)} MB; RSS ${r.startRssMb.toFixed(0)} MB before the import`);
  console.log(`      CPU: importer ${r.nodeCpuSeconds.toFixed(1)} s + PostgreSQL ${r.dbCpuSeconds.toFixed(1)} s; load average ${r.loadAverage.toFixed(1)} on ${cpus().length} cores`);
  console.log(`      baselines: csv-parse only ${r.parseSeconds.toFixed(2)} s (import ${(r.seconds / r.parseSeconds).toFixed(0)}×); COPY into a bare table ${r.copySeconds.toFixed(2)} s (${(r.seconds / r.copySeconds).toFixed(0)}×);`);
  console.log(`      the same writes set-based in SQL ${r.floorSeconds.toFixed(1)} s (import run ${(r.runSeconds / r.floorSeconds).toFixed(1)}×)`);
}
