#!/usr/bin/env node
// `npm test`: every suite, in order of cost — types, lint, unit (with coverage gate), database integration
// (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), then Playwright e2e against a production build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.data', 'test-reports');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit db`
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, cmd, args, extraEnv = {}) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name}: ${[path.basename(cmd), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) failures.push(name);
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += j.numPassedTests ?? 0;
  totals.failed += j.numFailedTests ?? 0;
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

step('types', bin('tsc'), ['--noEmit', '-p', '.']);
step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
step('unit', bin('vitest'), ['run', '--project', 'unit', '--coverage', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/unit.json`]);
countVitest(`${out}/unit.json`);
step('db', bin('vitest'), ['run', '--project', 'db', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/db.json`]);
countVitest(`${out}/db.json`);
step('build', process.execPath, ['node_modules/next/dist/bin/next', 'build']);
if (!failures.includes('build')) {
  step('e2e', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/e2e.json` });
  countPlaywright(`${out}/e2e.json`);
}

// The authorisation matrices' sizes, as the suites that ran them wrote them down.
for (const name of ['action-matrix.json', 'route-matrix.json']) {
  const file = path.join(out, name);
  if (existsSync(file)) console.log(JSON.parse(readFileSync(file, 'utf8')).summary);
}
console.log(`\nsuites failed: ${failures.length ? failures.join(', ') : 'none'}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
