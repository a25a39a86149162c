import { z } from 'zod';
import { publicBaseUrlProblem } from './config/deployment';

// Every environment variable the portal reads, in one place, validated with zod. A wrong value stops the
// process at start-up (instrumentation.ts, the worker and the command-line tools call loadConfig()) with a
// message naming the variable, instead of surfacing as NaN or a silent default hours later.
// Server-side only: nothing here may reach a browser bundle (it would read the server's secrets).

const flag = (dflt: boolean) =>
  z
    .enum(['0', '1', 'true', 'false', 'on', 'off', ''], { error: 'expected 1/0, true/false or on/off' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? dflt : v === '1' || v === 'true' || v === 'on'));
const int = (dflt: number, min = 1, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return dflt;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));
const pgUrl = optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\/./.test(v), 'expected postgres://user@host:port/database');
const httpUrl = optionalText.refine((v) => v === undefined || /^https?:\/\/./.test(v), 'expected an http:// or https:// address');

/** Variables that exist for tests and the demo only (see TEST_HOOKS_FLAG). */
export const TEST_HOOKS = ['CHECK_RESOLVE_TO', 'CHECK_HTTP_PORT', 'CHECK_ALLOW_PRIVATE', 'DEMO_SEED'] as const;
/** The explicit, documented switch that lets a production build (`next start`) accept the test hooks. */
export const TEST_HOOKS_FLAG = 'ALLOW_TEST_HOOKS';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional().default('development'),
  // Database
  DATABASE_URL: pgUrl,
  DB_POOL_MAX: int(10, 1, 1000),
  // The one LISTEN connection of each process needs a session: behind PgBouncer in transaction mode, point
  // this at PostgreSQL itself (or at a session-mode pool). Defaults to DATABASE_URL.
  DATABASE_LISTEN_URL: pgUrl,
  // Named prepared statements; set 0 for a pooler that cannot carry them across its server connections.
  DB_PREPARE: flag(true),
  // GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, the endpoint is off (404).
  METRICS_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, 'at least 16 characters'),
  PGLITE_DIR: optionalText,
  // Sign-in and links
  AUTH_SECRET: optionalText,
  NEXTAUTH_SECRET: optionalText,
  PUBLIC_BASE_URL: httpUrl,
  // Reverse proxies in front of the portal whose X-Forwarded-For entries are believed (lib/config/deployment.ts).
  TRUSTED_PROXY_HOPS: int(0, 0, 10),
  // Mail and SMS
  SMTP_URL: optionalText.refine((v) => v === undefined || /^smtps?:\/\/./.test(v), 'expected smtp://… or smtps://…'),
  MAIL_FROM: optionalText,
  SMS_SENDER: optionalText,
  // Background work
  OUTBOX_WORKER: flag(true),
  REMINDERS: flag(true),
  REVIEW_JOBS: flag(true),
  // Purges of unused uploads, expired sign-in tokens and the self-check log.
  HOUSEKEEPING: flag(true),
  // Picks up imports and check runs whose process stopped (their lease lapsed): db/jobs/runs.ts.
  RESUME_RUNS: flag(true),
  OUTBOX_INTERVAL_MS: int(2000, 50),
  // Messages one worker keeps in flight (and SMTP connections in its pool). An SMTP transaction waits
  // ~100–150 ms on round trips: at 8 in flight two workers sent 82 notices/s, at 32 they sent 211/s.
  OUTBOX_CONCURRENCY: int(32, 1, 64),
  REMINDER_INTERVAL_MS: int(3_600_000, 100),
  REVIEW_JOBS_INTERVAL_MS: int(60_000, 100),
  HOUSEKEEPING_INTERVAL_MS: int(3_600_000, 100),
  RESUME_RUNS_INTERVAL_MS: int(15_000, 100),
  // On SIGTERM/SIGINT, how long the work in flight may take before the leases are handed back anyway.
  SHUTDOWN_TIMEOUT_MS: int(20_000, 0, 600_000),
  IMPORT_CHUNK_ROWS: int(1000, 10, 100_000),
  // Days a finding gets to be fixed after its 接入备案 is approved (lib/notices/policy.ts).
  REACCESS_RECTIFY_DAYS: int(30, 1, 365),
  // Website checks
  CHECK_CONCURRENCY: int(16, 1, 256),
  CHECK_TIMEOUT_MS: int(0, 0, 120_000),
  // File storage (db/storage/): uploads and import files in PostgreSQL (db), or in an S3-compatible bucket
  // (s3: Aliyun OSS, Tencent COS, MinIO…) with only a row per file in the database.
  STORAGE: z.enum(['db', 's3'], { error: 'expected db or s3' }).optional().default('db'),
  // Unset: AWS's own endpoint for S3_REGION.
  S3_ENDPOINT: httpUrl,
  S3_REGION: optionalText.transform((v) => v ?? 'us-east-1'),
  S3_BUCKET: optionalText.refine((v) => v === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v), 'expected a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens'),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  // Bucket in the path (http://host/bucket/key), as MinIO needs by default; 0 for bucket.host (OSS, COS).
  S3_FORCE_PATH_STYLE: flag(true),
  // Where in the bucket the portal's objects live (a bucket shared with others): `beian` → beian/materials/….
  S3_PREFIX: optionalText
    .refine((v) => v === undefined || /^[A-Za-z0-9._/-]+$/.test(v), 'expected letters, digits and - _ . / only')
    .transform((v) => {
      const p = v?.replace(/^\/+|\/+$/g, '');
      return p ? `${p}/` : '';
    }),
  // Operations
  // The JSON log's threshold on stdout (lib/log.ts).
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expected fatal, error, warn, info, debug, trace or silent' }).optional().default('info'),
  // Test hooks
  ALLOW_TEST_HOOKS: flag(false),
  CHECK_RESOLVE_TO: optionalText.refine((v) => v === undefined || /^[0-9a-f.:]+$/i.test(v), 'expected an IP address'),
  CHECK_HTTP_PORT: int(0, 0, 65535),
  CHECK_ALLOW_PRIVATE: flag(false),
  DEMO_SEED: flag(false),
});

export type Config = z.output<typeof schema>;
export const CONFIG_KEYS = Object.keys(schema.shape) as (keyof Config)[];

export class ConfigError extends Error {
  constructor(readonly variables: string[], message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses an environment; throws a ConfigError naming every bad variable. Pure, for tests. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const r = schema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(
      r.error.issues.map((i) => String(i.path[0])),
      `配置错误 / invalid configuration:\n  ${lines.join('\n  ')}`,
    );
  }
  const c = r.data;
  // `next build` evaluates modules without the deployment's secrets; the cross-checks are for running.
  if (env.NEXT_PHASE === 'phase-production-build') return c;
  const bad: string[] = [];
  const why: string[] = [];
  // Test hooks point the website probe at a local server, or seed accounts with a published password.
  // `next start` runs with NODE_ENV=production in tests and the demo too, so production alone cannot tell
  // them apart: there the hooks need ALLOW_TEST_HOOKS=1 beside them, which a real deployment never sets.
  if (c.NODE_ENV === 'production' && !c.ALLOW_TEST_HOOKS) {
    for (const k of TEST_HOOKS) {
      if (env[k] !== undefined && env[k] !== '' && env[k] !== '0') {
        bad.push(k);
        why.push(`${k}: is a test hook, refused in production unless ${TEST_HOOKS_FLAG}=1 is set as well`);
      }
    }
  }
  // Sign-in links built from request headers hand the token to whoever sent them (lib/config/deployment.ts).
  if (c.NODE_ENV === 'production') {
    const problem = publicBaseUrlProblem(env.PUBLIC_BASE_URL);
    if (problem) {
      bad.push('PUBLIC_BASE_URL');
      why.push(`PUBLIC_BASE_URL: ${problem}`);
    }
  }
  if (c.NODE_ENV === 'production' && !c.AUTH_SECRET && !c.NEXTAUTH_SECRET) {
    bad.push('AUTH_SECRET');
    why.push('AUTH_SECRET: required in production (signs the session cookies)');
  }
  // A bucket is used for writing (STORAGE=s3), or for reading and sweeping what was written there before.
  if (c.STORAGE === 's3' || c.S3_BUCKET) {
    const need = c.STORAGE === 's3' ? 'required when STORAGE=s3' : 'required when S3_BUCKET is set';
    for (const k of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!c[k]) {
        bad.push(k);
        why.push(`${k}: ${need}`);
      }
    }
  }
  if (bad.length) throw new ConfigError(bad, `配置错误 / invalid configuration:\n  ${why.join('\n  ')}`);
  return c;
}

let cached: { key: string; config: Config } | undefined;

/**
 * The configuration of this process. Re-read when the environment changed (tests set variables between
 * cases); comparing the few dozen values costs microseconds.
 */
export function config(): Config {
  const key = CONFIG_KEYS.map((k) => process.env[k] ?? '\u0000').join('\u0001');
  if (cached?.key !== key) cached = { key, config: parseConfig(process.env) };
  return cached.config;
}

/** For start-up: validates now, so a bad variable stops the process before it serves anything. */
export function loadConfig(): Config {
  return config();
}

/** The secret that signs session cookies (Auth.js accepts either name). */
export function authSecret(): string | undefined {
  const c = config();
  return c.AUTH_SECRET ?? c.NEXTAUTH_SECRET;
}
