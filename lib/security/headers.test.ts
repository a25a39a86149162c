import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hstsHeader, STATIC_SECURITY_HEADERS } from './headers';

describe('security headers', () => {
  it('allows scripts only with the nonce and forbids framing', () => {
    const csp = contentSecurityPolicy('abc123');
    expect(csp).toContain(`script-src 'self' 'nonce-abc123' 'strict-dynamic'`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).toContain(`object-src 'none'`);
    expect(contentSecurityPolicy('x', true)).toContain('unsafe-eval');
  });
  it('sends HSTS only in production and nosniff always', () => {
    expect(hstsHeader(true)[0]!.value).toMatch(/max-age=\d+/);
    expect(hstsHeader(false)).toEqual([]);
    expect(STATIC_SECURITY_HEADERS.find((h) => h.key === 'X-Content-Type-Options')?.value).toBe('nosniff');
  });
});
