import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddress, clientIpFrom, normaliseAddress, STAMP_INSTALLED } from './client-address';

describe('client address', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[STAMP_INSTALLED];
  });

  it('with no trusted proxy is the socket peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress({ peer: '::ffff:192.0.2.1', forwardedFor: '203.0.113.5', trustedHops: 0 })).toBe('192.0.2.1');
    expect(clientAddress({ peer: undefined, forwardedFor: '203.0.113.5', trustedHops: 0 })).toBe('unknown');
  });

  it('with N trusted proxies is the Nth entry from the right (the leftmost if the chain is shorter)', () => {
    const xff = '198.51.100.1, 203.0.113.2 ,10.0.0.3';
    expect(clientAddress({ peer: '10.0.0.9', forwardedFor: xff, trustedHops: 1 })).toBe('10.0.0.3');
    expect(clientAddress({ peer: '10.0.0.9', forwardedFor: xff, trustedHops: 2 })).toBe('203.0.113.2');
    expect(clientAddress({ peer: '10.0.0.9', forwardedFor: xff, trustedHops: 5 })).toBe('198.51.100.1');
    expect(clientAddress({ peer: '10.0.0.9', forwardedFor: '', trustedHops: 1 })).toBe('10.0.0.9');
    // Not an address where a trusted proxy should have written one: the peer.
    expect(clientAddress({ peer: '10.0.0.9', forwardedFor: 'evil, <script>', trustedHops: 1 })).toBe('10.0.0.9');
  });

  it('normalises IPv4-mapped and bracketed forms', () => {
    expect(normaliseAddress('[::1]')).toBe('::1');
    expect(normaliseAddress('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(normaliseAddress('localhost')).toBeNull();
  });

  it('believes the stamped header only in a process that stamps every request', () => {
    const h = new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7', 'x-forwarded-for': '198.51.100.1' });
    expect(clientIpFrom(h)).toBe('unknown');
    (globalThis as Record<symbol, unknown>)[STAMP_INSTALLED] = true;
    expect(clientIpFrom(h)).toBe('203.0.113.7');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '198.51.100.1' }))).toBe('unknown');
  });
});
