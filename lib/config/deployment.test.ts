import { describe, expect, it } from 'vitest';
import { deploymentProblems, onPublicOrigin, publicBaseUrlProblem, publicOrigin, trustedProxyHops } from './deployment';

describe('PUBLIC_BASE_URL', () => {
  it('production without it (or with a non-origin) is a reason to refuse to start, named in Chinese and English', () => {
    const missing = deploymentProblems({ NODE_ENV: 'production' });
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/未设置 PUBLIC_BASE_URL/);
    expect(missing[0]).toMatch(/PUBLIC_BASE_URL is not set/);
    for (const bad of ['beian.example.cn', 'ftp://beian.example.cn', 'https://beian.example.cn/portal', 'https://u:p@beian.example.cn', 'https://beian.example.cn/?x=1']) {
      expect(publicBaseUrlProblem(bad), bad).toMatch(/PUBLIC_BASE_URL/);
    }
    expect(deploymentProblems({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://beian.example.cn' })).toEqual([]);
    expect(deploymentProblems({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://beian.example.cn/' })).toEqual([]);
    expect(deploymentProblems({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('gives the origin; only development falls back to localhost', () => {
    expect(publicOrigin({ PUBLIC_BASE_URL: 'https://Beian.Example.cn:8443/' })).toBe('https://beian.example.cn:8443');
    expect(publicOrigin({ NODE_ENV: 'development' })).toBe('http://localhost:3000');
    expect(() => publicOrigin({ NODE_ENV: 'production' })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('moves a sign-in link onto the public origin and keeps only the path of its callbackUrl', () => {
    const forged = 'https://evil.example/api/auth/callback/email?callbackUrl=https%3A%2F%2Fevil.example%2Fdashboard%3Fa%3D1&token=abc&email=a%40b.cn';
    const url = new URL(onPublicOrigin(forged, 'https://beian.example.cn'));
    expect(url.origin).toBe('https://beian.example.cn');
    expect(url.pathname).toBe('/api/auth/callback/email');
    expect(url.searchParams.get('token')).toBe('abc');
    expect(url.searchParams.get('email')).toBe('a@b.cn');
    expect(url.searchParams.get('callbackUrl')).toBe('/dashboard?a=1');
    const relative = new URL(onPublicOrigin('http://x/api/auth/callback/email?token=t', 'https://beian.example.cn'));
    expect(relative.searchParams.has('callbackUrl')).toBe(false);
  });
});

describe('TRUSTED_PROXY_HOPS', () => {
  it('defaults to no trusted proxy; a bad value is refused in production and trusted as 0 elsewhere', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: 'all' })).toBe(0);
    expect(deploymentProblems({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://a.cn', TRUSTED_PROXY_HOPS: '-1' })[0]).toMatch(/TRUSTED_PROXY_HOPS/);
  });
});
