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

  it('does not judge a production build, which runs without the deployment secrets', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).not.toThrow();
  });
});
