import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { installRequestObserver, type RequestDone } from './request-observer';
import { routeLabel, statusClass } from './route-label';

describe('route labels', () => {
  it('replace ids and keep the pattern', () => {
    expect(routeLabel('/admin/checks/3f2a9c1e-77aa-4c1b-9a52-0e5c1d2b3a4f')).toBe('/admin/checks/[id]');
    expect(routeLabel('/admin/mailbox/1234?x=1')).toBe('/admin/mailbox/[id]');
    expect(routeLabel('/orders/3f2a9c1e-77aa-4c1b-9a52-0e5c1d2b3a4f/edit')).toBe('/orders/[id]/edit');
    expect(routeLabel('/review/BA2026110001')).toBe('/review/[id]');
    expect(routeLabel('/dashboard')).toBe('/dashboard');
    expect(routeLabel('/')).toBe('/');
    expect(routeLabel('/_next/static/chunks/abc.js')).toBe('/_next/static');
    expect(routeLabel('/a/b/c/d/e/f/g/h')).toBe('/a/b/c/d/e/f/…');
    expect(routeLabel('/wp-admin/setup-config.php', 404)).toBe('unmatched');
    expect(routeLabel('/login/13805710001%40163.com')).toBe('/login/[id]');
    expect([200, 302, 404, 503].map(statusClass)).toEqual(['2xx', '3xx', '4xx', '5xx']);
  });
});

describe('the request observer', () => {
  it('sees every request with its route label, method, status and duration, and gives each an id', async () => {
    const seen: RequestDone[] = [];
    const stop = installRequestObserver((r) => seen.push(r));
    const ids: string[] = [];
    const server = createServer((req, res) => {
      ids.push(String(req.headers['x-request-id']));
      res.statusCode = req.url!.startsWith('/admin') ? 200 : 404;
      setTimeout(() => res.end('ok'), 20);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<string | undefined>((resolve, reject) => {
        httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers['x-request-id'] as string | undefined));
        }).on('error', reject).end();
      });
    try {
      const echoed = await get('/admin/checks/3f2a9c1e-77aa-4c1b-9a52-0e5c1d2b3a4f', { 'x-request-id': 'lb-0123456789abcdef' });
      const fresh = await get('/nope/13805710001', { 'x-request-id': 'bad id' });
      expect(echoed).toBe('lb-0123456789abcdef');
      expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
      expect(ids).toEqual(['lb-0123456789abcdef', fresh]);
      await new Promise((r) => setTimeout(r, 10));
      expect(seen.map(({ route, method, status }) => ({ route, method, status }))).toEqual([
        { route: '/admin/checks/[id]', method: 'GET', status: 200 },
        { route: 'unmatched', method: 'GET', status: 404 },
      ]);
      expect(seen[0]!.seconds).toBeGreaterThan(0.015);
    } finally {
      stop();
      await new Promise((r) => server.close(r));
    }
  });
});
