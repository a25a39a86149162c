import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

function fails(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has a default for everything a development start needs', () => {
    const c = parseConfig({});
    expect(c.DB_POOL_MAX).toBe(10);
    expect(c.OUTBOX_WORKER).toBe(true);
    expect(c.REMINDER_INTERVAL_MS).toBe(3_600_000);
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('reads numbers and switches', () => {
    const c = parseConfig({ DB_POOL_MAX: '4', OUTBOX_WORKER: '0', CHECK_TIMEOUT_MS: '2000' });
    expect([c.DB_POOL_MAX, c.OUTBOX_WORKER, c.CHECK_TIMEOUT_MS]).toEqual([4, false, 2000]);
  });

  it.each([
    ['DB_POOL_MAX', 'ten'],
    ['DB_POOL_MAX', '0'],
    ['OUTBOX_INTERVAL_MS', '1.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['PUBLIC_BASE_URL', 'portal.example'],
    ['REMINDERS', 'maybe'],
    ['STORAGE', 'disk'],
    ['S3_ENDPOINT', 'minio:9000'],
    ['S3_BUCKET', 'My_Bucket'],
    ['S3_PREFIX', 'beian files'],
    ['S3_FORCE_PATH_STYLE', 'yes'],
  ])('names %s when it is %j', (name, value) => {
    const err = fails({ [name]: value });
    expect(err.variables).toContain(name);
    expect(err.message).toContain(name);
  });

  it('refuses every test hook in production unless ALLOW_TEST_HOOKS is set', () => {
    const prod = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), PUBLIC_BASE_URL: 'https://beian.example.cn' };
    for (const [k, v] of [['CHECK_RESOLVE_TO', '127.0.0.1'], ['CHECK_HTTP_PORT', '8080'], ['CHECK_ALLOW_PRIVATE', '1'], ['DEMO_SEED', '1']]) {
      expect(fails({ ...prod, [k!]: v! }).variables).toEqual([k]);
      expect(() => parseConfig({ ...prod, [k!]: v!, ALLOW_TEST_HOOKS: '1' })).not.toThrow();
      expect(() => parseConfig({ NODE_ENV: 'test', [k!]: v! })).not.toThrow();
    }
    expect(() => parseConfig({ ...prod, DEMO_SEED: '0' })).not.toThrow();
  });

  it('requires a session secret and the public origin in production, ', () => {
    expect(fails({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://beian.example.cn' }).variables).toEqual(['AUTH_SECRET']);
    expect(fails({ NODE_ENV: 'production', AUTH_SECRET: 's' }).variables).toEqual(['PUBLIC_BASE_URL']);
    expect(fails({ NODE_ENV: 'production', AUTH_SECRET: 's', PUBLIC_BASE_URL: 'https://beian.example.cn/path' }).variables).toEqual(['PUBLIC_BASE_URL']);
    expect(() => parseConfig({ NODE_ENV: 'production', NEXTAUTH_SECRET: 's', PUBLIC_BASE_URL: 'https://beian.example.cn' })).not.toThrow();
  });

  it('keeps files in the database unless STORAGE=s3, and then needs the bucket and its keys', () => {
    const c = parseConfig({});
    expect([c.STORAGE, c.S3_REGION, c.S3_FORCE_PATH_STYLE, c.S3_PREFIX]).toEqual(['db', 'us-east-1', true, '']);
    const err = fails({ STORAGE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000' });
    expect(err.variables).toEqual(['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']);
    expect(err.message).toContain('S3_BUCKET: required when STORAGE=s3');
    const s3 = { STORAGE: 's3', S3_BUCKET: 'beian-files', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };
    expect(fails({ ...s3, S3_SECRET_ACCESS_KEY: ' ' }).variables).toEqual(['S3_SECRET_ACCESS_KEY']);
    const ok = parseConfig({ ...s3, S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com', S3_REGION: 'oss-cn-hangzhou', S3_FORCE_PATH_STYLE: '0', S3_PREFIX: '/portal/prod/' });
    expect(ok).toMatchObject({ STORAGE: 's3', S3_REGION: 'oss-cn-hangzhou', S3_FORCE_PATH_STYLE: false, S3_PREFIX: 'portal/prod/' });
    // A bucket kept for reading (and sweeping) what was stored there before needs its keys too.
    expect(fails({ S3_BUCKET: 'beian-files', S3_ACCESS_KEY_ID: 'id' }).message).toContain('S3_SECRET_ACCESS_KEY: required when S3_BUCKET is set');
  });

  it('does not judge a production build, which runs without the deployment secrets', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).not.toThrow();
  });
});
