import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, setLogger } from '@/lib/log';

// A production portal without PUBLIC_BASE_URL would have nothing but request headers to build sign-in
// links from: it refuses to start, with a log line that names the variable.
describe('start-up', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    setLogger(undefined);
  });

  it('refuses to start in production without PUBLIC_BASE_URL and says which variable is missing', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('NEXT_PHASE', '');
    vi.stubEnv('PUBLIC_BASE_URL', '');
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as typeof process.exit);
    const lines: string[] = [];
    setLogger(createLogger(new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }) as never, { level: 'info' }));
    const { register } = await import('../../instrumentation');
    await expect(register()).rejects.toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    const fatal = lines.map((l) => JSON.parse(l) as { level: string; msg: string }).filter((l) => l.level === 'fatal');
    expect(fatal.some((l) => /PUBLIC_BASE_URL/.test(l.msg) && /拒绝启动/.test(l.msg) && /refusing to start/.test(l.msg))).toBe(true);
  });
});
