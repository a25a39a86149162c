import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { SUBJECTS } from '../db/seed/data';
import { FINDING_CATALOGUE, FINDING_CODES, planRemediation } from '../lib/remediation';
import { png } from '../tests/support/images';
import { hasPgbouncer, startPgbouncer } from '../tests/support/pgbouncer';
import { TestSmtp } from '../tests/support/smtp';
import { createPgDatabase, dropPgDatabase, signIn } from './support';

// Several processes on one PostgreSQL, as a provider deploys the portal: web A and web B (`next start`) and one
// `npm run worker`, all through PgBouncer in transaction mode where it is installed (the LISTEN connection goes
// to PostgreSQL directly). A browser that signs in on A and is then sent to B is what a load balancer does.
// Shown here: a session made on A works on B; an upload made on A opens on B; a filer's action on A and a
// reviewer's decision on B reach the other process's cached pages at the next request; reminders scheduled by
// all three at once are queued once; an import started on A, killed half-way, is finished by B with nothing
// doubled; B and the worker deliver every mail exactly once to a real SMTP server.

const PG = process.env.TEST_DATABASE_URL;
const BASE_PORT = Number(process.env.E2E_PORT ?? 3210);
const A = `http://127.0.0.1:${BASE_PORT + 70}`;
const B = `http://127.0.0.1:${BASE_PORT + 71}`;
const BOUNCER_PORT = BASE_PORT + 72;
const METRICS_TOKEN = 'multi-process-metrics-0123456789';
const dbName = `beian_e2e_multi_${process.pid}`;

const smtp = new TestSmtp();
const children: { name: string; child: ChildProcess }[] = [];
let sql: postgres.Sql;
let bouncer: ChildProcess | null = null;
let bouncerDir = '';

function urlFor(port?: number): string {
  const u = new URL(PG!);
  if (port) u.port = String(port);
  u.pathname = `/${dbName}`;
  return u.toString();
}

/** The environment every process shares; `own` adds what differs between them. */
function envFor(own: Record<string, string>): NodeJS.ProcessEnv {
  const pooled = bouncer ? { DATABASE_URL: urlFor(BOUNCER_PORT), DB_PREPARE: '0', DATABASE_LISTEN_URL: urlFor() } : { DATABASE_URL: urlFor() };
  return {
    ...process.env,
    ...pooled,
    NODE_ENV: 'production',
    DB_POOL_MAX: '4',
    AUTH_SECRET: 'multi-process-secret-0123456789-0123456789',
    PUBLIC_BASE_URL: A,
    METRICS_TOKEN,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'noreply@beian.example',
    OUTBOX_INTERVAL_MS: '200',
    REMINDER_INTERVAL_MS: '300',
    RESUME_RUNS_INTERVAL_MS: '1000',
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    ...own,
  };
}

function start(name: string, args: string[], own: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { env: envFor(own), stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  child.stderr?.on('data', (d: Buffer) => process.env.MULTI_VERBOSE && process.stderr.write(`[${name}] ${d}`));
  children.push({ name, child });
  return child;
}

async function untilUp(base: string) {
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not become ready`);
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const kill = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
};

async function signInAt(browser: Browser, base: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await signIn(page, email);
  return page;
}

/** The reads a process has served from the memory of `cache` (its Prometheus endpoint). */
async function cacheHits(base: string, cache: string): Promise<number> {
  const text = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text());
  const m = text.match(new RegExp(`^beian_cache_hits_total\\{cache="${cache}"\\} (\\d+)`, 'm'));
  return Number(m?.[1] ?? 0);
}

test.describe('several web processes and a worker on one PostgreSQL', () => {
  test.skip(!PG, 'needs the PostgreSQL server (TEST_DATABASE_URL)');
  test.describe.configure({ mode: 'serial', timeout: 240_000 });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    await createPgDatabase(PG!, dbName);
    // Migrated and seeded once, directly, as a deployment does before it starts its processes.
    const seeded = spawnSync(process.execPath, ['node_modules/.bin/tsx', 'db/seed-cli.ts'], { env: { ...process.env, DATABASE_URL: urlFor(), LOG_LEVEL: 'warn' }, encoding: 'utf8' });
    expect(seeded.status, seeded.stderr).toBe(0);
    sql = postgres(urlFor(), { max: 2, onnotice: () => {} });
    // One open finding due in 7, 3, 1 and 0 days (Shanghai calendar): each is owed exactly one reminder.
    await sql`
      update findings f set deadline = (now() at time zone 'Asia/Shanghai')::date + d.days
      from (select id, (array[7, 3, 1, 0])[row_number() over (order by id)] as days
            from findings where status = 'open' and code <> 'FOOTER_ICP_NUMBER_MISSING' order by id limit 4) d
      where f.id = d.id and d.days is not null`;
    await smtp.start();
    if (hasPgbouncer()) {
      bouncerDir = mkdtempSync(path.join(tmpdir(), 'pgbouncer-multi-'));
      bouncer = await startPgbouncer(PG!, bouncerDir, BOUNCER_PORT, 8);
    } else console.log('[multi-process] pgbouncer is not installed: the processes connect to PostgreSQL directly');
    const next = ['node_modules/next/dist/bin/next', 'start', '-p'];
    // A sends no mail: a process killed mid-send cannot know whether the server took the message (delivery
    // across a crash is at-least-once), and this test counts exactly-once between live processes.
    start('A', [...next, String(BASE_PORT + 70)], { OUTBOX_WORKER: '0', IMPORT_CHUNK_ROWS: '10' });
    start('B', [...next, String(BASE_PORT + 71)], {});
    start('worker', ['node_modules/.bin/tsx', 'db/jobs/worker-cli.ts'], {});
    await Promise.all([untilUp(A), untilUp(B)]);
  });

  test.afterAll(async () => {
    for (const { child } of children) kill(child, 'SIGKILL');
    bouncer?.kill('SIGINT');
    await sql?.end();
    await smtp.stop();
    if (bouncerDir) rmSync(bouncerDir, { recursive: true, force: true });
    await dropPgDatabase(PG!, dbName);
  });

  test('a session, an upload and cached pages cross between A and B', async ({ browser }) => {
    const onA = await signInAt(browser, A, 'filer@beian.example');
    // The same cookie sent to B, as a load balancer would: B knows the filer.
    const onB = await (await browser.newContext({ baseURL: B, storageState: await onA.context().storageState() })).newPage();
    await onB.goto('/dashboard');
    await expect(onB).toHaveURL(/\/dashboard$/);
    await expect(onB.getByRole('button', { name: '退出登录' })).toBeVisible();

    const code = 'FOOTER_ICP_NUMBER_MISSING';
    await onA.goto('/notices');
    const href = (await onA.getByRole('link', { name: `去整改：${FINDING_CATALOGUE[code].notice}（云栖科技官网）`, exact: true }).getAttribute('href'))!;
    /** The finding's page on `page`, read twice: the second read must come from that process's memory. */
    const statusFromCache = async (page: Page, base: string, status: string) => {
      await page.goto(href);
      await expect(page.getByRole('main').locator('header')).toContainText(status);
      const before = await cacheHits(base, 'rectification');
      await page.goto(href);
      await expect(page.getByRole('main').locator('header')).toContainText(status);
      expect(await cacheHits(base, 'rectification')).toBeGreaterThan(before);
    };
    await statusFromCache(onB, B, '待整改');

    // On A: evidence uploaded and 复核 asked for.
    const plan = planRemediation({ finding: code, intent: 'keep', subject: { nature: 'enterprise', province: '33', websiteCount: 3 }, website: { domainCount: 2 } });
    await onA.goto(`${href}?intent=keep&option=${plan.options[0]!.id}`);
    await onA.getByLabel('证明材料（可选，如新的域名证书、网页截图）').setInputFiles({ name: '首页底部截图.png', mimeType: 'image/png', buffer: png({ size: 210 * 1024 }) });
    await expect(onA.getByText('已上传：')).toBeVisible();
    await onA.getByRole('button', { name: '我已完成，申请复核' }).click();
    await expect(onA.getByRole('region', { name: '整改进度' })).toContainText('复核中');

    // The upload made on A opens on B.
    const [material] = await sql<{ id: string; size: number }[]>`
      select m.id, m.size from materials m join users u on u.id = m.owner_id
      where u.email = 'filer@beian.example' order by m.created_at desc limit 1`;
    const file = await onB.request.get(`/materials/${material!.id}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');
    expect((await file.body()).length).toBe(material!.size);

    // B's page, served from memory before, shows A's change at the next request; A now keeps it in memory.
    await statusFromCache(onB, B, '整改中');
    await statusFromCache(onA, A, '整改中');

    // The reviewer decides on B; A's next request shows it.
    const reviewer = await signInAt(browser, B, 'reviewer@beian.example');
    await reviewer.goto('/rechecks');
    const form = reviewer.getByRole('form', { name: /处理复核：网站首页底部.*云栖科技官网/ });
    // The evidence uploaded on A shows on B's review screen, the image loaded from B.
    const evidence = reviewer.getByRole('article').filter({ has: form }).locator(`img[src="/materials/${material!.id}"]`);
    await evidence.scrollIntoViewIfNeeded();
    await expect.poll(() => evidence.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await form.getByRole('button', { name: '复核通过' }).click();
    await expect(reviewer.getByRole('status')).toContainText('复核通过，整改事项已完成');
    await onA.goto(href);
    await expect(onA.getByRole('main').locator('header')).toContainText('已整改');
  });

  test('reminders scheduled by all three processes are queued and mailed once each', async () => {
    const keys = await until('four reminders queued', async () => {
      const rows = await sql<{ dedupe_key: string }[]>`select dedupe_key from outbox where dedupe_key like 'reminder:%'`;
      return rows.length >= 4 && rows.map((r) => r.dedupe_key);
    });
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.map((k) => k.split(':')[2]).sort()).toEqual(expect.arrayContaining(['0', '1', '3', '7']));
    // Several scheduler periods later, still the same reminders.
    await new Promise((r) => setTimeout(r, 2_000));
    const [after] = await sql<{ n: number }[]>`select count(*)::int as n from outbox where dedupe_key like 'reminder:%'`;
    expect(after!.n).toBe(keys.length);
  });

  test('an import started on A, killed half-way, is finished by B with nothing doubled', async ({ browser }) => {
    const s = SUBJECTS.find((x) => x.key === 'shufan')!;
    // Enough rows that A is caught half-way: the 数帆 subject (no finding yet) gets a thousand more domains.
    await sql`
      insert into domains (website_id, name, registrant_name, registrant_id_type, registrant_id_number, expires_on)
      select d.website_id, 'mp' || g || '-' || d.name, d.registrant_name, d.registrant_id_type, d.registrant_id_number, d.expires_on
      from generate_series(1, 1000) g,
           (select d.* from domains d join websites w on w.id = d.website_id join subjects s on s.id = w.subject_id
            where s.name = ${s.name} order by d.name limit 1) d`;
    const filed = await sql<{ subject: string; website: string; domain: string | null }[]>`
      select s.icp_number as subject, w.icp_number as website, d.name as domain
      from subjects s join websites w on w.subject_id = s.id left join domains d on d.website_id = w.id
      where s.name = ${s.name} order by w.icp_number, d.name`;
    const rows: string[] = [];
    for (const c of FINDING_CODES) {
      const { scope, notice } = FINDING_CATALOGUE[c];
      if (scope === 'website') for (const w of new Set(filed.map((f) => f.website))) rows.push(`${filed[0]!.subject},${w},,${c},专项核查,`);
      if (scope === 'domain') for (const f of filed) if (f.domain) rows.push(`${f.subject},${f.website},${f.domain},${notice},专项核查,`);
    }
    const csv = ['主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限', ...rows].join('\r\n');

    const operator = await signInAt(browser, A, 'admin@beian.example');
    await operator.goto('/admin/notices/import');
    await operator.getByLabel('检查结果文件（CSV）').setInputFiles({ name: '多进程.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await operator.getByRole('button', { name: '上传并预检' }).click();
    await expect(operator.getByRole('heading', { level: 1, name: '导入预检结果' })).toBeVisible({ timeout: 30_000 });
    await operator.getByRole('button', { name: `开始导入 ${rows.length} 行` }).click();

    // A dies (no shutdown, no lease handed back) once some chunks, not all, have committed.
    const a = children.find((c) => c.name === 'A')!.child;
    const batch = await until('the import to be half-way', async () => {
      const [b] = await sql<{ id: string; processed_rows: number; total_rows: number }[]>`
        select id, processed_rows, total_rows from import_batches where file_name = '多进程.csv'`;
      return b && b.processed_rows > 0 && b.processed_rows < b.total_rows && b;
    }, 60_000);
    kill(a, 'SIGKILL');
    const [atKill] = await sql<{ processed_rows: number }[]>`select processed_rows from import_batches where id = ${batch.id}`;
    expect(atKill!.processed_rows).toBeLessThan(rows.length);

    // B takes the batch over once A's lease lapses, and finishes it.
    const done = await until('B to finish the import', async () => {
      const [b] = await sql<{ status: string; processed_rows: number; created_findings: number }[]>`
        select status, processed_rows, created_findings from import_batches where id = ${batch.id}`;
      return b?.status === 'done' && b;
    }, 120_000);
    expect(done.processed_rows).toBe(rows.length);
    expect(done.created_findings).toBe(rows.length);
    const [counts] = await sql<{ findings: number; distinct: number }[]>`
      select count(*)::int as findings, count(distinct (coalesce(website_id::text, ''), coalesce(domain_id::text, ''), code))::int as distinct
      from findings f join subjects s on s.id = f.subject_id where s.name = ${s.name}`;
    expect(counts).toEqual({ findings: rows.length, distinct: rows.length });
    // The page on B shows the finished import to the operator.
    const onB = await (await browser.newContext({ baseURL: B, storageState: await operator.context().storageState() })).newPage();
    await onB.goto(`/admin/notices/import/${batch.id}`);
    await expect(onB.getByRole('status').filter({ hasText: '导入完成' })).toContainText(`新建不合格项 ${rows.length} 项`);
  });

  test('B and the worker deliver every mail exactly once', async () => {
    // Every e-mail queued while the processes ran (the seed's own are already sent or parked) leaves by SMTP.
    const sent = await until('the outbox to drain', async () => {
      const [o] = await sql<{ pending: number; sent: number }[]>`
        select count(*) filter (where status = 'pending')::int as pending,
               count(*) filter (where status = 'sent' and transport = 'smtp')::int as sent
        from outbox where channel = 'email'`;
      return o && o.pending === 0 && o.sent > 0 && o.sent;
    }, 120_000);
    const ids = await until('the SMTP server to have every mail', async () => smtp.received.length >= sent && smtp.received.map((m) => String(m.headers.get('x-outbox-id'))));
    expect(ids.length).toBe(sent);
    expect(new Set(ids).size).toBe(sent);
  });
});
