import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';

// Every response of the proxy carries x-request-id: the load balancer's own when it is sane, else a new
// one; the same id travels on to the page, action or route in the request headers.
describe('the proxy and x-request-id', () => {
  const forwarded = (res: Response) => res.headers.get('x-middleware-request-x-request-id');

  it('keeps a sane incoming id, forwards it and answers with it', async () => {
    const { default: proxy } = await import('../../proxy');
    const res = await proxy(new NextRequest('http://127.0.0.1:3000/login', { headers: { 'x-request-id': 'lb-0123456789abcdef' } }));
    expect(res.headers.get('x-request-id')).toBe('lb-0123456789abcdef');
    expect(forwarded(res)).toBe('lb-0123456789abcdef');
  });

  it('replaces an insane one, and gives one to redirects and refusals too', async () => {
    const { default: proxy } = await import('../../proxy');
    const bad = await proxy(new NextRequest('http://127.0.0.1:3000/login', { headers: { 'x-request-id': 'x y <z>' } }));
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwarded(bad)).toBe(bad.headers.get('x-request-id'));
    const redirect = await proxy(new NextRequest('http://127.0.0.1:3000/dashboard'));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const tooLarge = await proxy(new NextRequest('http://127.0.0.1:3000/login', { method: 'POST', headers: { 'content-length': String(50 * 1024 * 1024), 'x-request-id': 'lb-0123456789abcdef' } }));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('x-request-id')).toBe('lb-0123456789abcdef');
  });
});
