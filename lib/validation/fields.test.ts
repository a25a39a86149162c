import { describe, expect, it } from 'vitest';
import {
  domainSchema,
  emailSchema,
  findSharedContacts,
  icpNumberSchema,
  ipSchema,
  publicIpSchema,
  isValidDomain,
  isValidIp,
  isValidLandline,
  isValidMobile,
  landlineSchema,
  mobileSchema,
  provinceCodeSchema,
  residentIdSchema,
  siteIcpNumberSchema,
  subjectIcpNumberSchema,
  toAsciiDomain,
  usccSchema,
} from './index';

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('mobile and landline', () => {
  it.each(['13800138000', '19912345678', ' 15012345678 '])('accepts mobile %j', (m) => expect(mobileSchema.safeParse(m).success).toBe(true));
  it.each(['12800138000', '1380013800', '138001380000', '+8613800138000', '1380013800a'])('rejects mobile %j', (m) => {
    const r = mobileSchema.safeParse(m);
    expect(r.success).toBe(false);
    expect(firstMessage(r)).toBe('请输入正确的11位手机号码');
  });
  it('checks mobiles without zod too', () => {
    expect(isValidMobile('13800138000')).toBe(true);
    expect(isValidMobile('23800138000')).toBe(false);
  });

  it.each(['010-12345678', '0571-1234567', '021-8888888'])('accepts landline %s', (t) => expect(landlineSchema.safeParse(t).success).toBe(true));
  it.each(['10-12345678', '010-123456', '010 12345678', '01012345678', '01234-1234567', '010-123456789'])('rejects landline %s', (t) => {
    const r = landlineSchema.safeParse(t);
    expect(r.success).toBe(false);
    expect(firstMessage(r)).toContain('区号');
    expect(isValidLandline(t)).toBe(false);
  });
});

describe('e-mail', () => {
  it('accepts an address and rejects garbage in Chinese', () => {
    expect(emailSchema.safeParse('zhang.san@example.com').success).toBe(true);
    const r = emailSchema.safeParse('zhang.san@');
    expect(firstMessage(r)).toBe('请输入正确的电子邮件地址');
  });
});

describe('different principals must not share contacts', () => {
  it('flags a mobile and an e-mail shared by two people', () => {
    const shared = findSharedContacts([
      { idNumber: '11010519491231002X', mobile: '13800138000', email: 'a@example.com' },
      { idNumber: '440304199003071234', mobile: '13800138000', email: 'A@Example.com ' },
    ]);
    expect(shared.map((s) => [s.field, s.indexes])).toEqual([
      ['mobile', [0, 1]],
      ['email', [0, 1]],
    ]);
    expect(shared[0]?.message).toBe('不同负责人不能使用相同的手机号码');
  });
  it('lets the same person be both subject and website principal', () => {
    const p = { idNumber: '11010519491231002X', mobile: '13800138000', email: 'a@example.com' };
    expect(findSharedContacts([p, { ...p, idNumber: '11010519491231002x' }])).toEqual([]);
  });
  it('ignores empty values', () => {
    expect(findSharedContacts([{ idNumber: '1', mobile: '', email: '' }, { idNumber: '2', mobile: '', email: '' }])).toEqual([]);
  });
});

describe('identity schemas', () => {
  it('normalises case before checking', () => {
    expect(usccSchema.parse(' 91330100799655058b ')).toBe('91330100799655058B');
    expect(residentIdSchema.parse('11010519491231002x')).toBe('11010519491231002X');
    expect(firstMessage(usccSchema.safeParse('91330100799655058A'))).toBe('请输入正确的18位统一社会信用代码');
    expect(firstMessage(residentIdSchema.safeParse('110105194912310021'))).toBe('请输入正确的18位居民身份证号码');
  });
  it('tells 主体 and 网站 备案号 apart', () => {
    expect(icpNumberSchema.safeParse('浙B2-20080101').success).toBe(true);
    expect(icpNumberSchema.safeParse('浙ICP备').success).toBe(false);
    expect(subjectIcpNumberSchema.safeParse('浙ICP备12345678号').success).toBe(true);
    expect(subjectIcpNumberSchema.safeParse('浙ICP备12345678号-1').success).toBe(false);
    expect(siteIcpNumberSchema.safeParse('浙ICP备12345678号-1').success).toBe(true);
    expect(siteIcpNumberSchema.safeParse('浙ICP备12345678号').success).toBe(false);
  });
  it('knows the province codes', () => {
    expect(provinceCodeSchema.safeParse('65').success).toBe(true);
    expect(firstMessage(provinceCodeSchema.safeParse('81'))).toBe('请选择所属省份');
  });
});

describe('domains', () => {
  it.each([
    ['example.com', 'example.com'],
    ['WWW.Example.COM.CN', 'www.example.com.cn'],
    ['a-b.cn', 'a-b.cn'],
    ['example.com.', 'example.com'],
    ['xn--fiqs8s.xn--fiqs8s', 'xn--fiqs8s.xn--fiqs8s'],
    ['中国.中国', 'xn--fiqs8s.xn--fiqs8s'],
  ])('accepts %s as %s', (input, ascii) => {
    expect(toAsciiDomain(input)).toBe(ascii);
    expect(domainSchema.safeParse(input).success).toBe(true);
  });
  it('accepts a 中文域名 under a Latin TLD', () => {
    expect(isValidDomain('例子.com')).toBe(true);
  });
  it.each(['', 'example', 'http://example.com', 'example.com/path', 'exa mple.com', '-a.com', 'a-.com', 'a..com', '1.2.3.4', 'user@example.com', 'example.c0m', `${'a'.repeat(64)}.com`, `${'a.'.repeat(127)}com`, 'a%.com', '[::1].com', 'a<b.com'])(
    'rejects %j',
    (input) => {
      expect(isValidDomain(input)).toBe(false);
      expect(firstMessage(domainSchema.safeParse(input))).toContain('域名');
    },
  );
});

describe('IP addresses', () => {
  it.each(['47.89.87.93', '10.0.0.1', '::1', '2001:db8::1'])('accepts %s', (ip) => expect(ipSchema.safeParse(ip).success).toBe(true));
  it.each(['256.1.1.1', '1.2.3', 'abc', '2001:db8:::1', ''])('rejects %j', (ip) => {
    expect(isValidIp(ip)).toBe(false);
    expect(firstMessage(ipSchema.safeParse(ip))).toBe('请输入正确的 IPv4 或 IPv6 地址');
  });
  it.each(['47.89.87.93', ' 121.43.66.78 ', '2400:3200::1'])('a 接入 IP may be public: %s', (ip) => expect(publicIpSchema.safeParse(ip).success).toBe(true));
  it.each([
    ['10.0.0.1', '内网地址'],
    ['172.16.5.4', '内网地址'],
    ['172.31.255.255', '内网地址'],
    ['192.168.1.10', '内网地址'],
    ['127.0.0.1', '本机回环地址'],
    ['169.254.169.254', '链路本地地址'],
    ['100.64.0.1', '运营商级 NAT 地址'],
    ['0.1.2.3', '未指定地址'],
    ['224.0.0.5', '组播地址'],
    ['fd00::1', 'IPv6 内网地址'],
    ['fe80::1', '链路本地地址'],
    ['::1', '本机回环地址'],
    ['::ffff:192.168.0.1', '内网地址'],
  ])('a 接入 IP may not be %s (%s)', (ip, kind) => {
    expect(firstMessage(publicIpSchema.safeParse(ip))).toBe(`请填写公网 IP 地址：${ip} 是${kind}，互联网上无法访问`);
  });
  it('a malformed address gets the format message only', () => {
    const r = publicIpSchema.safeParse('10.0.0');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['请输入正确的 IPv4 或 IPv6 地址']);
  });
});
