import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { company, person } from '@/tests/support/order-fixtures';
import type { OrderPayload, PrincipalData } from '@/lib/orders/payload';
import type { CurrentFiling } from '@/lib/orders/diff';
import {
  BURNED_MESSAGE,
  CONTACT_PATHS,
  CODE_TTL_MS,
  EXPIRED_MESSAGE,
  MAX_SENDS_PER_CONTACT_PER_HOUR,
  MAX_SENDS_PER_OWNER_PER_DAY,
  MAX_WRONG_ATTEMPTS,
  RESEND_INTERVAL_MS,
  VERIFIED_FOR_DAYS,
  checkCode,
  codeCheckMessage,
  codeExpiry,
  codeMatches,
  contactsToVerify,
  generateCode,
  hashCode,
  isReachable,
  maskContact,
  normaliseContact,
  resendInSeconds,
  sendRefusal,
  stillVerified,
  verificationNeededMessage,
  verifiedSince,
  type SentCode,
} from './verification';

const t0 = new Date('2026-12-02T10:00:00+08:00');
const at = (ms: number) => new Date(t0.getTime() + ms);
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;


const subject = company();
const site = (principal: PrincipalData) => ({ name: '云栖科技博客', serviceContent: '企业博客', domains: [], ips: ['47.96.12.40'], principal });
const filing = (over: Partial<CurrentFiling> = {}): CurrentFiling => ({
  subject,
  subjectPrincipal: person(),
  website: { name: '云栖科技官网', serviceContent: '企业介绍', principal: person({ mobile: '13605710002', email: 'li@yunqi-tech.cn' }), domains: [], ips: [] },
  ...over,
});
const none: CurrentFiling = { subject: null, subjectPrincipal: null, website: null };

describe('which contacts an order must verify', () => {
  it('变更主体: only the subject principal’s changed mobile or e-mail, compared as stored', () => {
    const same: OrderPayload = { type: 'CHANGE_SUBJECT', subject, principal: person({ landline: '0571-88886666', emergencyMobile: '13905719999' }) };
    expect(contactsToVerify(same, filing())).toEqual([]);
    // Upper-case e-mail and spaced mobile are the same contact.
    expect(contactsToVerify({ type: 'CHANGE_SUBJECT', subject, principal: person({ email: ' ZhangWei@Yunqi-Tech.cn ', mobile: '13805710001' }) }, filing())).toEqual([]);
    expect(contactsToVerify({ type: 'CHANGE_SUBJECT', subject, principal: person({ mobile: '13923451003' }) }, filing())).toEqual([
      { path: 'principal.mobile', channel: 'sms', value: '13923451003', label: '主体负责人手机号码' },
    ]);
    expect(contactsToVerify({ type: 'CHANGE_SUBJECT', subject, principal: person({ mobile: '13923451003', email: 'New@Yunqi-Tech.cn' }) }, filing())).toEqual([
      { path: 'principal.mobile', channel: 'sms', value: '13923451003', label: '主体负责人手机号码' },
      { path: 'principal.email', channel: 'email', value: 'new@yunqi-tech.cn', label: '主体负责人电子邮箱' },
    ]);
  });

  it('变更网站: the website principal (at `principal`) against the filed website principal, not the subject’s', () => {
    const p = person({ mobile: '13605710002', email: 'li@yunqi-tech.cn' });
    const base = { type: 'CHANGE_WEBSITE' as const, website: { name: '云栖科技官网', serviceContent: '企业介绍' }, removeDomainIds: [] };
    expect(contactsToVerify({ ...base, principal: p }, filing())).toEqual([]);
    // The subject principal's mobile is new for the website.
    expect(contactsToVerify({ ...base, principal: person({ email: 'li@yunqi-tech.cn' }) }, filing())).toEqual([
      { path: 'principal.mobile', channel: 'sms', value: '13805710001', label: '网站负责人手机号码' },
    ]);
    // Without a filed website (a stale order) every contact is new.
    expect(contactsToVerify({ ...base, principal: p }, filing({ website: null })).map((c) => c.path)).toEqual(['principal.mobile', 'principal.email']);
  });

  it('新增网站 and 首次备案: every contact is new, even one the filing already holds', () => {
    expect(contactsToVerify({ type: 'NEW_WEBSITE', website: site(person()) }, filing())).toEqual([
      { path: 'website.principal.mobile', channel: 'sms', value: '13805710001', label: '网站负责人手机号码' },
      { path: 'website.principal.email', channel: 'email', value: 'zhangwei@yunqi-tech.cn', label: '网站负责人电子邮箱' },
    ]);
    const first: OrderPayload = { type: 'FIRST_FILING', subject, principal: person(), website: site(person({ mobile: '13605710002', email: 'li@yunqi-tech.cn' })) };
    expect(contactsToVerify(first, none).map((c) => [c.path, c.label])).toEqual([
      ['principal.mobile', '主体负责人手机号码'],
      ['principal.email', '主体负责人电子邮箱'],
      ['website.principal.mobile', '网站负责人手机号码'],
      ['website.principal.email', '网站负责人电子邮箱'],
    ]);
    expect(contactsToVerify(first, filing())).toHaveLength(4);
  });

  it('every path it names is one the actions accept', () => {
    const first: OrderPayload = { type: 'FIRST_FILING', subject, principal: person(), website: site(person({ mobile: '13605710002', email: 'li@yunqi-tech.cn' })) };
    expect(contactsToVerify(first, none).map((c) => c.path)).toEqual(expect.arrayContaining([...CONTACT_PATHS]));
  });

  it('orders without principals need nothing', () => {
    for (const p of [
      { type: 'CHANGE_ACCESS', ips: ['47.96.12.40'] },
      { type: 'ACCESS_FILING', ips: ['47.96.12.40'] },
      { type: 'CANCEL_SUBJECT', reason: '不再使用', confirmed: true },
      { type: 'CANCEL_WEBSITE', reason: '不再使用', confirmed: true },
      { type: 'CANCEL_ACCESS', reason: '不再使用', confirmed: true },
    ] as OrderPayload[]) {
      expect(contactsToVerify(p, filing())).toEqual([]);
    }
  });

  it('skips values no code can reach yet (the wizard refuses them at the field) and half-filled drafts', () => {
    const bad = person({ mobile: '12345', email: 'zhangwei.yunqi.cn' });
    expect(contactsToVerify({ type: 'CHANGE_SUBJECT', subject, principal: bad }, filing())).toEqual([]);
    expect(contactsToVerify({ type: 'NEW_WEBSITE', website: { ...site(person()), principal: undefined } } as unknown as OrderPayload, none)).toEqual([]);
    expect(contactsToVerify({ type: 'CHANGE_SUBJECT', subject, principal: { ...person(), mobile: 13805710009 } } as unknown as OrderPayload, none).map((c) => c.path)).toEqual(['principal.email']);
  });

  it('a filed contact that is missing or malformed does not hide a valid new one', () => {
    const filed = filing({ subjectPrincipal: { ...person(), email: undefined } as unknown as PrincipalData });
    expect(contactsToVerify({ type: 'CHANGE_SUBJECT', subject, principal: person() }, filed).map((c) => c.path)).toEqual(['principal.email']);
  });
});

describe('values', () => {
  it('normalises mobile numbers and e-mail addresses, idempotently', () => {
    expect(normaliseContact('sms', ' 138-0571 0001 ')).toBe('13805710001');
    expect(normaliseContact('email', ' ZhangWei@Yunqi-Tech.CN ')).toBe('zhangwei@yunqi-tech.cn');
    fc.assert(
      fc.property(fc.constantFrom('sms' as const, 'email' as const), fc.string(), (ch, v) => {
        const once = normaliseContact(ch, v);
        expect(normaliseContact(ch, once)).toBe(once);
      }),
    );
  });

  it('knows which values a code can reach', () => {
    expect(isReachable('sms', '13805710001')).toBe(true);
    expect(isReachable('sms', '12805710001')).toBe(false);
    expect(isReachable('email', 'a@b.cn')).toBe(true);
    expect(isReachable('email', 'a.b.cn')).toBe(false);
  });

  it('masks: 138****0001, zh***@yunqi-tech.cn, never the whole value', () => {
    expect(maskContact('sms', '13805710001')).toBe('138****0001');
    expect(maskContact('email', 'zhangwei@yunqi-tech.cn')).toBe('zh***@yunqi-tech.cn');
    expect(maskContact('email', 'ab@x.cn')).toBe('a***@x.cn');
    expect(maskContact('email', 'a@x.cn')).toBe('a***@x.cn');
    expect(maskContact('email', 'no-at-sign')).toBe('***');
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (m) => {
        expect(maskContact('sms', m)).not.toContain(m.slice(3, 7));
        expect(maskContact('sms', m)).toMatch(/^\d{3}\*{4}\d{4}$/);
      }),
    );
    fc.assert(
      fc.property(fc.emailAddress(), (e) => {
        const local = e.slice(0, e.lastIndexOf('@'));
        const masked = maskContact('email', e);
        if (local.length > 2) expect(masked.startsWith(`${local}@`)).toBe(false);
        expect(masked.endsWith(e.slice(e.lastIndexOf('@')))).toBe(true);
      }),
    );
  });

  it('the field error names the contact, masked', () => {
    expect(verificationNeededMessage({ channel: 'sms', value: '13800000000', label: '主体负责人手机号码' })).toBe('请先验证主体负责人手机号码 138****0000');
    expect(verificationNeededMessage({ channel: 'email', value: 'li@yunqi-tech.cn', label: '网站负责人电子邮箱' })).toBe('请先验证网站负责人电子邮箱 l***@yunqi-tech.cn');
  });
});

describe('codes', () => {
  it('are six digits from the generator, leading zeros kept', () => {
    expect(generateCode(() => 42)).toBe('000042');
    expect(generateCode(() => 999_999)).toBe('999999');
    let asked = 0;
    generateCode((max) => ((asked = max), 0));
    expect(asked).toBe(1_000_000);
    for (let i = 0; i < 200; i++) expect(generateCode()).toMatch(/^\d{6}$/);
  });

  it('are stored as a hash bound to their row: only the same code and row match', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999 }), fc.uuid(), fc.uuid(), (a, b, row, other) => {
        const code = String(a).padStart(6, '0');
        const hash = hashCode(code, row);
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
        expect(hash).not.toContain(code);
        expect(codeMatches(code, row, hash)).toBe(true);
        expect(codeMatches(` ${code} `, row, hash)).toBe(true);
        if (b !== a) expect(codeMatches(String(b).padStart(6, '0'), row, hash)).toBe(false);
        if (other !== row) expect(codeMatches(code, other, hash)).toBe(false);
      }),
    );
  });

  it('an answer that is not six digits never matches, and a malformed stored hash never matches', () => {
    const hash = hashCode('012345', 'row');
    for (const bad of ['12345', '0123456', 'abcdef', '', '01234５']) expect(codeMatches(bad, 'row', hash)).toBe(false);
    expect(codeMatches('012345', 'row', 'abc')).toBe(false);
  });

  it('expire 10 minutes after sending', () => {
    expect(codeExpiry(t0).getTime() - t0.getTime()).toBe(CODE_TTL_MS);
    expect(CODE_TTL_MS).toBe(10 * MIN);
  });
});

describe('checking an answer', () => {
  const sent = (over: Partial<SentCode> = {}): SentCode => ({ salt: 'row-1', codeHash: hashCode('246810', 'row-1'), expiresAt: codeExpiry(t0), attempts: 0, verifiedAt: null, ...over });

  it('the right code verifies until it expires', () => {
    expect(checkCode(sent(), '246810', at(0))).toEqual({ result: 'verified' });
    expect(checkCode(sent(), '246810', at(CODE_TTL_MS - 1))).toEqual({ result: 'verified' });
    expect(checkCode(sent(), '246810', at(CODE_TTL_MS))).toEqual({ result: 'expired' });
  });

  it('wrong answers count down; the 5th burns the code and even the right one is refused after', () => {
    let s = sent();
    const left: number[] = [];
    for (let i = 0; i < MAX_WRONG_ATTEMPTS; i++) {
      const r = checkCode(s, '135790', at(MIN));
      expect(r.result).toBe('wrong');
      if (r.result !== 'wrong') return;
      left.push(r.attemptsLeft);
      s = { ...s, attempts: r.attempts };
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(checkCode(s, '246810', at(MIN))).toEqual({ result: 'burned' });
  });

  it('an expired or burned code is refused before the answer is compared', () => {
    expect(checkCode(sent({ attempts: 5 }), '000000', at(CODE_TTL_MS * 2))).toEqual({ result: 'burned' });
    expect(checkCode(sent({ attempts: 2 }), '000000', at(CODE_TTL_MS))).toEqual({ result: 'expired' });
    expect(checkCode(sent({ verifiedAt: t0 }), '000000', at(MIN))).toEqual({ result: 'already_verified' });
  });

  it('says what went wrong in Chinese', () => {
    expect(codeCheckMessage({ result: 'wrong', attempts: 2, attemptsLeft: 3 })).toBe('验证码错误，还可尝试 3 次');
    expect(codeCheckMessage({ result: 'wrong', attempts: 5, attemptsLeft: 0 })).toBe(BURNED_MESSAGE);
    expect(codeCheckMessage({ result: 'burned' })).toBe(BURNED_MESSAGE);
    expect(codeCheckMessage({ result: 'expired' })).toBe(EXPIRED_MESSAGE);
    expect(EXPIRED_MESSAGE).toBe('验证码已过期，请重新获取');
  });

  it('whatever the answers, a code accepts at most 5 wrong ones and never a wrong one as right', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant('246810'), fc.stringMatching(/^\d{6}$/)), { maxLength: 12 }), (answers) => {
        let s = sent();
        let wrong = 0;
        for (const a of answers) {
          const r = checkCode(s, a, at(MIN));
          if (r.result === 'verified') {
            expect(a).toBe('246810');
            s = { ...s, verifiedAt: at(MIN) };
          } else if (r.result === 'wrong') {
            expect(a).not.toBe('246810');
            wrong++;
            s = { ...s, attempts: r.attempts };
          }
        }
        expect(wrong).toBeLessThanOrEqual(MAX_WRONG_ATTEMPTS);
      }),
    );
  });
});

describe('send limits', () => {
  it('60 seconds between two codes to one contact, with the remaining seconds in the message', () => {
    const r = sendRefusal({ contactSends: [at(0)], ownerSends: [at(0)] }, at(18 * SEC));
    expect(r).toEqual({ reason: 'interval', retryAfterSeconds: 42, message: '验证码已发送，请 42 秒后再试' });
    expect(sendRefusal({ contactSends: [at(0)], ownerSends: [at(0)] }, at(59_001))).toMatchObject({ retryAfterSeconds: 1 });
    expect(sendRefusal({ contactSends: [at(0)], ownerSends: [at(0)] }, at(RESEND_INTERVAL_MS))).toBeNull();
    // Another contact of the same filer is not held back.
    expect(sendRefusal({ contactSends: [], ownerSends: [at(0)] }, at(SEC))).toBeNull();
  });

  it('at most 5 codes to one contact in any hour', () => {
    const five = [0, 2, 4, 6, 8].map((m) => at(m * MIN));
    const r = sendRefusal({ contactSends: five, ownerSends: five }, at(10 * MIN));
    expect(r).toMatchObject({ reason: 'contact_hourly', retryAfterSeconds: 50 * 60 });
    expect(r!.message).toBe('该联系方式 1 小时内最多获取 5 次验证码，请 50 分钟后再试');
    expect(sendRefusal({ contactSends: five, ownerSends: five }, at(HOUR))).toBeNull();
    expect(MAX_SENDS_PER_CONTACT_PER_HOUR).toBe(5);
  });

  it('at most 20 codes per filer in any 24 hours', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => at(i * 2 * MIN));
    const r = sendRefusal({ contactSends: [], ownerSends: twenty }, at(2 * HOUR));
    expect(r).toMatchObject({ reason: 'owner_daily', retryAfterSeconds: 22 * 3600 });
    expect(r!.message).toBe('24 小时内最多获取 20 次验证码，请 22 小时后再试');
    expect(sendRefusal({ contactSends: [], ownerSends: twenty }, at(DAY))).toBeNull();
    expect(MAX_SENDS_PER_OWNER_PER_DAY).toBe(20);
  });

  it('names the limit that lasts longest when several are reached', () => {
    const five = [0, 2, 4, 6, 8].map((m) => at(m * MIN));
    expect(sendRefusal({ contactSends: five, ownerSends: five }, at(8 * MIN + 10 * SEC))).toMatchObject({ reason: 'contact_hourly' });
    const twenty = Array.from({ length: 20 }, (_, i) => at(i * MIN));
    expect(sendRefusal({ contactSends: [at(19 * MIN)], ownerSends: twenty }, at(19 * MIN + SEC))).toMatchObject({ reason: 'owner_daily' });
  });

  it('ignores sends in the future (clock skew between processes) and far in the past', () => {
    expect(sendRefusal({ contactSends: [at(HOUR)], ownerSends: [at(HOUR)] }, t0)).toBeNull();
    expect(sendRefusal({ contactSends: [at(-2 * DAY)], ownerSends: Array.from({ length: 30 }, () => at(-2 * DAY)) }, t0)).toBeNull();
  });

  it('the button countdown', () => {
    expect(resendInSeconds([], t0)).toBe(0);
    expect(resendInSeconds([at(-18 * SEC), at(-5 * MIN)], t0)).toBe(42);
    expect(resendInSeconds([at(-MIN)], t0)).toBe(0);
    expect(resendInSeconds([at(MIN)], t0)).toBe(0);
  });

  // Any pattern of requests: what gets through respects every limit, and a refused request succeeds after the
  // wait it was told (nothing else happening in between).
  it('model: requests at random times for a few contacts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 * MIN }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 80 }),
        (requests) => {
          let now = t0.getTime();
          const sends: { at: number; contact: number }[] = [];
          for (const [gap, contact] of requests) {
            now += gap;
            const history = { contactSends: sends.filter((s) => s.contact === contact).map((s) => new Date(s.at)), ownerSends: sends.map((s) => new Date(s.at)) };
            const refusal = sendRefusal(history, new Date(now));
            if (!refusal) {
              sends.push({ at: now, contact });
              continue;
            }
            expect(refusal.message).toMatch(/[\u4e00-\u9fa5]/);
            expect(sendRefusal(history, new Date(now + refusal.retryAfterSeconds * SEC))).toBeNull();
          }
          for (const s of sends) {
            const same = sends.filter((x) => x.contact === s.contact);
            expect(same.filter((x) => x.at > s.at - RESEND_INTERVAL_MS && x.at < s.at)).toHaveLength(0);
            expect(same.filter((x) => x.at > s.at - HOUR && x.at <= s.at).length).toBeLessThanOrEqual(MAX_SENDS_PER_CONTACT_PER_HOUR);
            expect(sends.filter((x) => x.at > s.at - DAY && x.at <= s.at).length).toBeLessThanOrEqual(MAX_SENDS_PER_OWNER_PER_DAY);
          }
        },
      ),
    );
  });
});

describe('a verification lasts 180 days', () => {
  it('counts from the moment of verifying', () => {
    expect(VERIFIED_FOR_DAYS).toBe(180);
    expect(stillVerified(t0, at(179 * DAY))).toBe(true);
    expect(stillVerified(t0, at(180 * DAY))).toBe(false);
    expect(stillVerified(null, t0)).toBe(false);
    expect(stillVerified(at(MIN), t0)).toBe(false);
    expect(verifiedSince(at(180 * DAY)).getTime()).toBe(t0.getTime());
  });
});
