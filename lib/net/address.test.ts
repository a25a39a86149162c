import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BlockList, isIP, isIPv6 } from 'node:net';
import { classifyAddress, isIpLiteral, isPublicAddress, parseIPv6 } from './address';

describe('classifyAddress', () => {
  it.each([
    // IPv4
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['192.168.0.1', 'private'],
    ['192.169.0.1', 'public'],
    ['169.254.169.254', 'link_local'],
    ['169.254.0.1', 'link_local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['8.8.8.8', 'public'],
    ['47.96.1.2', 'public'],
    ['223.5.5.5', 'public'],
    // IPv6
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::FFFF:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:0001', 'loopback'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::ffff:a9fe:a9fe', 'link_local'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:0:10.1.2.3', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'],
    ['::10.0.0.1', 'private'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link_local'],
    ['64:ff9b::808:808', 'public'],
    ['64:ff9b:1::1', 'reserved'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['2002:808:808::1', 'public'],
    ['2001::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['100::1', 'reserved'],
    ['fc00::1', 'unique_local'],
    ['fd12:3456:789a::1', 'unique_local'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['febf:ffff::1', 'link_local'],
    ['fec0::1', 'reserved'],
    ['ff02::1', 'multicast'],
    ['ff05::1:3', 'multicast'],
    ['2400:3200::1', 'public'],
    ['2001:4860:4860::8888', 'public'],
    // Not addresses
    ['', 'invalid'],
    ['localhost', 'invalid'],
    ['127.1', 'invalid'],
    ['0177.0.0.1', 'invalid'],
    ['0x7f.0.0.1', 'invalid'],
    ['256.1.1.1', 'invalid'],
    ['1:2:3:4:5:6:7:8:9', 'invalid'],
    ['1::2::3', 'invalid'],
    ['::ffff:1.2.3', 'invalid'],
    ['12345::1', 'invalid'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it('recognises IP literals, never host names', () => {
    expect(isIpLiteral('127.0.0.1')).toBe(true);
    expect(isIpLiteral('::ffff:127.0.0.1')).toBe(true);
    expect(isIpLiteral('yunqi-tech.cn')).toBe(false);
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('10.0.0.8')).toBe(false);
  });
});

// Node's own BlockList, fed the refused ranges, is an independent judge of every IPv4 address.
const refusedV4 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24],
  ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) refusedV4.addSubnet(net, bits, 'ipv4');

const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => b.join('.'));
const hex = (b: number[]) => `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;

describe('address classes, property-tested', () => {
  it('an IPv4 address is public exactly when no refused range holds it', () => {
    fc.assert(fc.property(v4, (a) => isPublicAddress(a) === !refusedV4.check(a, 'ipv4')), { numRuns: 20_000 });
  });

  it('every IPv6 form that embeds an IPv4 address is judged as that address', () => {
    fc.assert(
      fc.property(v4, (a) => {
        const b = a.split('.').map(Number);
        const cls = classifyAddress(a);
        return [`::ffff:${a}`, `::ffff:${hex(b)}`, `0:0:0:0:0:ffff:${a}`, `::ffff:0:${a}`, `64:ff9b::${a}`, `2002:${hex(b)}::1`].every((f) => classifyAddress(f) === cls);
      }),
      { numRuns: 5_000 },
    );
  });

  it('parses exactly the IPv6 strings Node accepts', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    const full = fc.array(group, { minLength: 8, maxLength: 8 }).map((g) => g.join(':'));
    const compressed = fc.tuple(fc.array(group, { maxLength: 4 }), fc.array(group, { maxLength: 3 })).map(([a, b]) => `${a.join(':')}::${b.join(':')}`);
    const noise = fc.stringMatching(/^[0-9a-f:.]{1,24}$/);
    fc.assert(fc.property(fc.oneof(full, compressed, noise), (s) => (parseIPv6(s) !== null) === isIPv6(s)), { numRuns: 20_000 });
  });

  it('anything that is neither IPv4 nor IPv6 is invalid, never public', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => isIP(s) !== 0 || classifyAddress(s) === 'invalid'), { numRuns: 5_000 });
  });
});
