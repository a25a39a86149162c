import { afterEach, describe, expect, it, vi } from 'vitest';

// A production portal without PUBLIC_BASE_URL would have nothing but request headers to build sign-in
// links from: it refuses to start, with a log line that names the variable.
describe('start-up', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('refuses to start in production without PUBLIC_BASE_URL and says which variable is missing', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('NEXT_PHASE', '');
    vi.stubEnv('PUBLIC_BASE_URL', '');
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as typeof process.exit);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { register } = await import('../../instrumentation');
    await expect(register()).rejects.toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    const lines = log.mock.calls.map((c) => String(c[0]));
    expect(lines.some((l) => /PUBLIC_BASE_URL/.test(l) && /拒绝启动/.test(l) && /refusing to start/.test(l))).toBe(true);
  });
});
