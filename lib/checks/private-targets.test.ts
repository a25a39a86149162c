import { describe, expect, it } from 'vitest';
import { privateTargetsPolicy } from './private-targets';

describe('CHECK_ALLOW_PRIVATE (test-only opt-in to loopback and private targets)', () => {
  it('is off unless set to 1', () => {
    expect(privateTargetsPolicy({})).toEqual({ allowed: false });
    expect(privateTargetsPolicy({ CHECK_ALLOW_PRIVATE: 'true', PUBLIC_BASE_URL: 'http://127.0.0.1:3500' })).toEqual({ allowed: false });
  });

  it.each(['http://127.0.0.1:3500', 'http://localhost:3000', 'http://[::1]:3000', 'https://portal.localhost'])('is honoured, with a warning, for a portal on %s', (base) => {
    const d = privateTargetsPolicy({ CHECK_ALLOW_PRIVATE: '1', PUBLIC_BASE_URL: base, NODE_ENV: 'production' });
    expect(d.allowed).toBe(true);
    expect(d.log?.level).toBe('warn');
    expect(d.log?.message).toMatch(/仅用于测试/);
  });

  it.each(['https://beian.example.com', 'http://10.0.0.5:3000', 'http://localhost.evil.example', 'http://127.0.0.1.nip.io', 'not a url'])('is refused, with an error, for a portal on %s', (base) => {
    const d = privateTargetsPolicy({ CHECK_ALLOW_PRIVATE: '1', PUBLIC_BASE_URL: base, NODE_ENV: 'production' });
    expect(d.allowed).toBe(false);
    expect(d.log?.level).toBe('error');
  });

  it('without PUBLIC_BASE_URL: honoured in development and tests, refused in production', () => {
    expect(privateTargetsPolicy({ CHECK_ALLOW_PRIVATE: '1', NODE_ENV: 'test' }).allowed).toBe(true);
    expect(privateTargetsPolicy({ CHECK_ALLOW_PRIVATE: '1', NODE_ENV: 'production' }).allowed).toBe(false);
  });
});
