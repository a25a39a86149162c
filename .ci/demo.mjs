#!/usr/bin/env node
// `npm run demo`: build when needed, then serve the portal on the embedded database with demo data.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.join(root, '.data');
mkdirSync(dataDir, { recursive: true });

// A stable secret per checkout so sessions survive restarts; never committed (.data is ignored).
const secretFile = path.join(dataDir, 'auth-secret');
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
const env = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET ?? readFileSync(secretFile, 'utf8').trim(),
  DEMO_SEED: '1',
  // The demo's published accounts are a test hook: a production build accepts them only with this flag.
  ALLOW_TEST_HOOKS: '1',
  PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
};

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, '.next', 'BUILD_ID');
const sources = ['app', 'components', 'lib', 'db'].map((d) => newestSource(path.join(root, d)));
if (!existsSync(buildId) || Math.max(...sources) > statSync(buildId).mtimeMs) {
  console.log('正在构建门户（首次约 30 秒）…');
  const r = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], { cwd: root, env, stdio: 'inherit' });
const { DEMO_USERS, DEMO_PASSWORD } = await import('./demo-accounts.mjs');
// Print the sign-in details once the portal answers (migrations and the demo seed run before that).
for (let i = 0; i < 240; i++) {
  const up = await fetch(`http://127.0.0.1:${port}/login`).then((r) => r.ok, () => false);
  if (up) break;
  await new Promise((r) => setTimeout(r, 500));
}
const where = process.env.DATABASE_URL ? 'PostgreSQL（DATABASE_URL）' : `内置数据库 ${path.relative(root, process.env.PGLITE_DIR ?? path.join(dataDir, 'pglite')) || '.data/pglite'}`;
console.log(`\n备案整改门户已启动：http://localhost:${port}/login （${where}）`);
console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email.padEnd(26)} ${u.name}`);
console.log('按 Ctrl+C 停止。\n');
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
