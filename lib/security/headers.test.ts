import { describe, expect, it } from 'vitest';
import { contentDisposition, contentSecurityPolicy, hstsHeader, MATERIAL_CSP, materialHeaders, STATIC_SECURITY_HEADERS } from './headers';

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
  it('serves an upload as the sniffed image type, inert and uncached', () => {
    const h = materialHeaders({ type: 'png', size: 307200, fileName: '域名证书.png' });
    expect(h).toMatchObject({
      'content-type': 'image/png',
      'content-length': '307200',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': MATERIAL_CSP,
    });
    expect(MATERIAL_CSP).toMatch(/^default-src 'none';.*; sandbox$/);
    expect(MATERIAL_CSP).not.toMatch(/script-src|allow-scripts/);
    expect(materialHeaders({ type: 'jpeg', size: 1, fileName: 'a.jpg' })['content-type']).toBe('image/jpeg');
    expect(materialHeaders({ type: 'gif', size: 1, fileName: 'a.gif' })['content-type']).toBe('image/gif');
  });
  it('encodes the file name so it cannot break out of the header', () => {
    expect(contentDisposition('域名证书.png')).toBe(`inline; filename="____.png"; filename*=UTF-8''%E5%9F%9F%E5%90%8D%E8%AF%81%E4%B9%A6.png`);
    const hostile = contentDisposition(`a"; filename=evil.html\r\nSet-Cookie: x=1;'(*).png`);
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile.split('; ')).toHaveLength(3); // inline, filename, filename*: nothing injected
    expect(hostile).toContain(`filename*=UTF-8''a%22%3B%20filename%3Devil.html%0D%0ASet-Cookie%3A%20x%3D1%3B%27%28%2A%29.png`);
    expect(hostile).toContain(`filename="a__ filename=evil.html__Set-Cookie: x=1_'(*).png"`);
    expect(contentDisposition('  ')).toBe(`inline; filename="material"; filename*=UTF-8''material`);
  });
});
