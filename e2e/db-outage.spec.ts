import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { createPgDatabase, dropPgDatabase, PASSWORD, shoot } from './support';

// Faults: the PostgreSQL server becomes unreachable for a while. Pages show a friendly Chinese
// error (no stack trace), and once the database is back everything works again without a restart.
// A second `next start` talks to PostgreSQL through a TCP relay this test can cut. Needs the PostgreSQL
// server (TEST_DATABASE_URL, set by .ci/run when 127.0.0.1:5432 answers).

const PG = process.env.TEST_DATABASE_URL;
const BASE_PORT = Number(process.env.E2E_PORT ?? 3210);
const RELAY_PORT = BASE_PORT + 60;
const APP_PORT = BASE_PORT + 61;
const APP = `http://127.0.0.1:${APP_PORT}`;

/** A TCP relay to the database that can be cut (refusing and dropping connections) and restored. */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const up = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(RELAY_PORT, '127.0.0.1', () => resolve());
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  return { up, down };
}

test.describe('database outage', () => {
  test.skip(!PG, 'needs the PostgreSQL server (TEST_DATABASE_URL)');
  test.describe.configure({ timeout: 240_000 });

  const dbName = `beian_e2e_outage_${process.pid}`;
  let app: ChildProcess | null = null;
  let link: ReturnType<typeof relay>;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await createPgDatabase(PG!, dbName);
    link = relay(new URL(PG!));
    await link.up();
    const url = new URL(PG!);
    url.host = `127.0.0.1:${RELAY_PORT}`;
    url.pathname = `/${dbName}`;
    app = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(APP_PORT)], {
      env: { ...process.env, DATABASE_URL: url.toString(), DEMO_SEED: '1', ALLOW_TEST_HOOKS: '1', AUTH_SECRET: 'e2e-outage-secret-0123456789-0123456789', PUBLIC_BASE_URL: APP, OUTBOX_WORKER: '0', REMINDERS: '0', REVIEW_JOBS: '0' },
      stdio: 'ignore',
      detached: true,
    });
    for (let i = 0; i < 200; i++) {
      const ok = await fetch(`${APP}/ping`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  test.afterAll(async () => {
    if (app?.pid) {
      try {
        process.kill(-app.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
    await link?.up().catch(() => {});
    await link?.down();
    await dropPgDatabase(PG!, dbName);
  });

  test('pages say so in Chinese while the database is away, and recover by themselves', async ({ page }) => {
    await page.goto(`${APP}/login`);
    const form = page.getByRole('region', { name: '密码登录' });
    await form.getByLabel('邮箱').fill('filer@beian.example');
    await form.getByLabel('密码').fill(PASSWORD);
    await form.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '我的备案' })).toBeVisible();

    await link.down();
    await page.goto(`${APP}/orders`);
    await expect(page.getByRole('heading', { level: 1, name: '页面暂时无法显示' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('系统繁忙或网络异常，请稍后重试')).toBeVisible();
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/ECONNREFUSED|Error:|\bat .+\.js|postgres/i);
    await shoot(page, 'db-outage');

    await link.up();
    // 重试 re-renders the page from the server: no restart, no new sign-in.
    await expect(async () => {
      await page.getByRole('button', { name: '重试' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '我的订单' })).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await page.goto(`${APP}/dashboard`);
    await expect(page.getByRole('heading', { level: 1, name: '我的备案' })).toBeVisible();
  });
});
