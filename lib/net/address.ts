// Which IP addresses a server-side fetch may connect to. The website probe and the filer's 立即自查 fetch
// homepages at addresses a filer's own DNS chooses; anything but the public internet (loopback, private
// networks, link-local with its cloud metadata service at 169.254.169.254, carrier-grade NAT, multicast,
// reserved and documentation ranges, and every IPv6 form that embeds one of those IPv4 addresses) is
// refused, so the portal never becomes a window onto its own network.
//
// Pure: parsing is done here (no node:net), so the rules are unit-tested exhaustively.

export type AddressClass =
  | 'public'
  | 'invalid'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'shared' // 100.64.0.0/10, carrier-grade NAT
  | 'multicast'
  | 'reserved' // documentation, benchmarking, protocol assignments, 240/4, broadcast, discard, site-local
  | 'unique_local'; // fc00::/7

export const ADDRESS_CLASS_LABELS: Record<Exclude<AddressClass, 'public'>, string> = {
  invalid: '无效地址',
  unspecified: '未指定地址',
  loopback: '本机回环地址',
  private: '内网地址',
  link_local: '链路本地地址',
  shared: '运营商级 NAT 地址',
  multicast: '组播地址',
  reserved: '保留地址',
  unique_local: 'IPv6 内网地址',
};

/** The four bytes of a dotted-quad IPv4 address (decimal only, as DNS answers carry them), or null. */
export function parseIPv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/** The eight 16-bit groups of an IPv6 address (with :: and a trailing dotted quad; a %zone is dropped), or null. */
export function parseIPv6(input: string): number[] | null {
  let s = input.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return null;
  // A trailing dotted quad is two groups written differently: rewrite it in hex.
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  } else if (s.includes('.')) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const parse = (g: string) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN);
  const a = head.map(parse);
  const b = rest.map(parse);
  if ([...a, ...b].some(Number.isNaN)) return null;
  const explicit = a.length + b.length;
  if (halves.length === 2) return explicit > 7 ? null : [...a, ...new Array<number>(8 - explicit).fill(0), ...b];
  return explicit === 8 ? a : null;
}

const inV4 = (b: number[], net: [number, number, number, number], bits: number): boolean => {
  const addr = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  const base = ((net[0] << 24) | (net[1] << 16) | (net[2] << 8) | net[3]) >>> 0;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (addr & mask) >>> 0 === (base & mask) >>> 0;
};

const V4_RULES: [[number, number, number, number], number, AddressClass][] = [
  [[0, 0, 0, 0], 8, 'unspecified'], // "this network"; 0.0.0.0 reaches the local host
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'shared'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link_local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'], // IETF protocol assignments
  [[192, 0, 2, 0], 24, 'reserved'], // TEST-NET-1
  [[192, 88, 99, 0], 24, 'reserved'], // 6to4 relay anycast
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'], // benchmarking
  [[198, 51, 100, 0], 24, 'reserved'], // TEST-NET-2
  [[203, 0, 113, 0], 24, 'reserved'], // TEST-NET-3
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'], // future use, and 255.255.255.255 broadcast
];

export function classifyIPv4(b: number[]): AddressClass {
  for (const [net, bits, cls] of V4_RULES) if (inV4(b, net, bits)) return cls;
  return 'public';
}

const v4Of = (g: number[], at: number): number[] => [g[at]! >> 8, g[at]! & 0xff, g[at + 1]! >> 8, g[at + 1]! & 0xff];
const prefix = (g: number[], words: number[], bits: number): boolean => {
  for (let i = 0; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((g[i]! & mask) !== ((words[i] ?? 0) & mask)) return false;
  }
  return true;
};

export function classifyIPv6(g: number[]): AddressClass {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (g.every((x) => x === 0)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d) and the old IPv4-compatible (::a.b.c.d):
  // the socket reaches the embedded IPv4 address, so that address decides.
  if (zeroUpTo(5) && g[5] === 0xffff) return classifyIPv4(v4Of(g, 6));
  if (zeroUpTo(4) && g[4] === 0xffff && g[5] === 0) return classifyIPv4(v4Of(g, 6));
  if (zeroUpTo(6)) return classifyIPv4(v4Of(g, 6));
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address a gateway connects to.
  if (prefix(g, [0x64, 0xff9b, 0, 0, 0, 0], 96)) return classifyIPv4(v4Of(g, 6));
  if (prefix(g, [0x2002], 16)) return classifyIPv4(v4Of(g, 1));
  if (prefix(g, [0x64, 0xff9b, 1], 48)) return 'reserved'; // local-use NAT64
  if (prefix(g, [0x100, 0, 0, 0], 64)) return 'reserved'; // discard-only
  if (prefix(g, [0x2001, 0], 32)) return 'reserved'; // Teredo: tunnels to an IPv4 address it obfuscates
  if (prefix(g, [0x2001, 0x2, 0], 48)) return 'reserved'; // benchmarking
  if (prefix(g, [0x2001, 0xdb8], 32)) return 'reserved'; // documentation
  if (prefix(g, [0x3fff], 20)) return 'reserved'; // documentation (2024)
  if (prefix(g, [0xfc00], 7)) return 'unique_local';
  if (prefix(g, [0xfe80], 10)) return 'link_local';
  if (prefix(g, [0xfec0], 10)) return 'reserved'; // deprecated site-local
  if (prefix(g, [0xff00], 8)) return 'multicast';
  return 'public';
}

/** The class of an address as a resolver or a socket reports it (IPv4, IPv6, IPv6 in brackets or with a zone). */
export function classifyAddress(address: string): AddressClass {
  const v4 = parseIPv4(address.trim());
  if (v4) return classifyIPv4(v4);
  const v6 = parseIPv6(address);
  return v6 ? classifyIPv6(v6) : 'invalid';
}

export const isPublicAddress = (address: string): boolean => classifyAddress(address) === 'public';

/** Whether `host` is written as an IP address rather than a name (a socket would skip the DNS lookup). */
export const isIpLiteral = (host: string): boolean => parseIPv4(host) !== null || parseIPv6(host) !== null;
