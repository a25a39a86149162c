import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const SITES_PORT = PORT + 50; // the demo websites (e2e/sites-server.mjs)
const chromium = '/usr/bin/chromium';

// Every run gets its own fresh embedded database seeded with the demo data.
const dataDir = `.data/e2e-${Date.now()}`;
mkdirSync('.data', { recursive: true }); // PGlite creates its own directory but not its parent

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(chromium) ? { executablePath: chromium } : {}),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /no-js\.spec\.ts$/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
    // The filer's journey with JavaScript off: every page must work as plain forms. Listed last, it runs after
    // the other specs on the shared database.
    { name: 'no-js', testMatch: /no-js\.spec\.ts$/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, javaScriptEnabled: false } },
  ],
  webServer: [
    {
      command: 'node e2e/sites-server.mjs',
      url: `http://127.0.0.1:${SITES_PORT}/__health`,
      reuseExistingServer: false,
      env: { SITES_PORT: String(SITES_PORT) },
    },
    {
    command: `node node_modules/next/dist/bin/next start -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/ping`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PGLITE_DIR: dataDir,
      DEMO_SEED: '1',
      // next start runs as production: the demo seed and the probe redirection below are test hooks.
      ALLOW_TEST_HOOKS: '1',
      AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      PUBLIC_BASE_URL: `http://127.0.0.1:${PORT}`,
      METRICS_TOKEN: 'e2e-metrics-token-0123456789',
      OUTBOX_INTERVAL_MS: '300',
      NEXT_TELEMETRY_DISABLED: '1',
      // Website checks resolve every filed domain to the local sites server.
      CHECK_RESOLVE_TO: '127.0.0.1',
      // Test-only: lets the probe reach that loopback server (honoured because PUBLIC_BASE_URL is loopback).
      CHECK_ALLOW_PRIVATE: '1',
      CHECK_HTTP_PORT: String(SITES_PORT),
      CHECK_TIMEOUT_MS: '2000',
    },
    },
  ],
});
