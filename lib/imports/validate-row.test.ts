import { describe, expect, it } from 'vitest';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { normaliseIcp, resolveFindingCode, validateRow, type RawRow, type RowLookup } from './validate-row';

const lookup: RowLookup = {
  subjects: new Map([
    ['浙ICP备2019031245号', { id: 's1', status: 'active' as const }],
    ['粤ICP备2019056612号', { id: 's2', status: 'access_cancelled' as const }],
  ]),
  websites: new Map([
    ['浙ICP备2019031245号-1', { id: 'w1', subjectIcp: '浙ICP备2019031245号', status: 'active' as const }],
    ['浙ICP备2019031245号-2', { id: 'w2', subjectIcp: '浙ICP备2019031245号', status: 'active' as const }],
    ['京ICP备2018024417号-1', { id: 'w9', subjectIcp: '京ICP备2018024417号', status: 'active' as const }],
  ]),
  domains: new Map([
    ['yunqi-tech.cn', { id: 'd1', websiteId: 'w1' }],
    ['dev.yunqi-tech.cn', { id: 'd2', websiteId: 'w2' }],
  ]),
};
const TODAY = '2026-11-23';
const row = (r: Partial<Record<'s' | 'w' | 'd' | 'c' | 'o' | 'dl', string>>): RawRow => ({
  主体备案号: r.s ?? '浙ICP备2019031245号',
  网站备案号: r.w ?? '',
  域名: r.d ?? '',
  不合格项代码: r.c ?? 'SUBJECT_CONTACT_INVALID',
  检查发现: r.o ?? '',
  整改期限: r.dl ?? '',
});
const errorsOf = (r: RawRow) => {
  const res = validateRow(r, lookup, TODAY);
  return res.ok ? [] : res.errors;
};

describe('validateRow', () => {
  it('accepts a subject-scope row and resolves the subject', () => {
    const res = validateRow(row({ o: '电话核验：空号', dl: '2026-12-31' }), lookup, TODAY);
    expect(res).toMatchObject({ ok: true, row: { subjectId: 's1', websiteId: null, domainId: null, code: 'SUBJECT_CONTACT_INVALID', observedValue: '电话核验：空号', deadline: '2026-12-31' } });
  });

  it('accepts a domain-scope row with website and domain, and the Chinese notice instead of the code', () => {
    const res = validateRow(row({ w: '浙ICP备2019031245号-1', d: 'YUNQI-TECH.cn', c: FINDING_CATALOGUE.DOMAIN_EXPIRED.notice }), lookup, TODAY);
    expect(res).toMatchObject({ ok: true, row: { websiteId: 'w1', domainId: 'd1', code: 'DOMAIN_EXPIRED', deadline: null } });
  });

  it('reports an unknown 备案号 and an unknown code together', () => {
    expect(errorsOf(row({ s: '浙ICP备0000000000号', c: 'NOPE' }))).toEqual([
      '主体备案号“浙ICP备0000000000号”不存在。',
      '不合格项“NOPE”无法识别，请填写不合格项代码或整改通知原文。',
    ]);
  });

  it('refuses a code that does not fit what the row names', () => {
    expect(errorsOf(row({ w: '浙ICP备2019031245号-1', c: 'SUBJECT_NAME_MISMATCH' }))[0]).toMatch(/主体类不合格项/);
    expect(errorsOf(row({ c: 'SITE_UNREACHABLE' }))[0]).toMatch(/需要填写网站备案号/);
    expect(errorsOf(row({ w: '浙ICP备2019031245号-1', c: 'DOMAIN_EXPIRED' }))[0]).toMatch(/需要填写域名/);
  });

  it('accepts a website-level row naming a domain, keeping the domain as the detail', () => {
    const res = validateRow(row({ w: '浙ICP备2019031245号-1', d: 'YUNQI-TECH.cn', c: 'SITE_UNREACHABLE' }), lookup, TODAY);
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.row).toMatchObject({ domainId: null, detail: 'yunqi-tech.cn' });
  });

  it('refuses a website of another subject and a domain of another website', () => {
    expect(errorsOf(row({ w: '京ICP备2018024417号-1', c: 'SITE_UNREACHABLE' }))).toEqual(['网站备案号“京ICP备2018024417号-1”不属于主体“浙ICP备2019031245号”。']);
    expect(errorsOf(row({ w: '浙ICP备2019031245号-1', d: 'dev.yunqi-tech.cn', c: 'DNS_NOT_AT_PROVIDER' }))).toEqual([
      '域名“dev.yunqi-tech.cn”不属于网站“浙ICP备2019031245号-1”。',
    ]);
    expect(errorsOf(row({ w: '浙ICP备2019031245号-1', d: 'nowhere.cn', c: 'DNS_NOT_AT_PROVIDER' }))).toEqual(['域名“nowhere.cn”不在备案信息中。']);
  });

  it('refuses a subject whose access is already cancelled', () => {
    expect(errorsOf(row({ s: '粤ICP备2019056612号' }))[0]).toMatch(/已取消接入/);
  });

  it('refuses bad and past dates, and over-long observations', () => {
    expect(errorsOf(row({ dl: '2026/12/31' }))[0]).toMatch(/格式有误/);
    expect(errorsOf(row({ dl: '2026-02-30' }))[0]).toMatch(/格式有误/);
    expect(errorsOf(row({ dl: '2026-11-22' }))[0]).toMatch(/早于今天/);
    expect(errorsOf(row({ o: '长'.repeat(501) }))[0]).toMatch(/不能超过/);
    expect(errorsOf(row({ s: ' ', c: ' ' }))).toEqual(['缺少主体备案号。', '缺少不合格项代码。']);
  });

  it('gives the same row the same key however it is spaced or cased, and different rows different keys', () => {
    const a = validateRow(row({ w: '浙ICP备2019031245号-1', d: 'yunqi-tech.cn', c: 'DOMAIN_EXPIRED' }), lookup, TODAY);
    const b = validateRow(row({ s: ' 浙ICP备2019031245号 ', w: '浙ICP备2019031245号－1', d: 'Yunqi-Tech.CN', c: 'domain_expired' }), lookup, TODAY);
    const c = validateRow(row({ w: '浙ICP备2019031245号-1', d: 'yunqi-tech.cn', c: 'DNS_NOT_AT_PROVIDER' }), lookup, TODAY);
    if (!a.ok || !b.ok || !c.ok) throw new Error('rows should be valid');
    expect(a.row.externalKey).toBe(b.row.externalKey);
    expect(a.row.externalKey).not.toBe(c.row.externalKey);
  });

  it('normalises 备案号 and resolves codes', () => {
    expect(normaliseIcp(' 浙ICP备1号－2 ')).toBe('浙ICP备1号-2');
    expect(resolveFindingCode('site_unreachable')).toBe('SITE_UNREACHABLE');
    expect(resolveFindingCode(FINDING_CATALOGUE.CONTENT_VIOLATION.notice)).toBe('CONTENT_VIOLATION');
    expect(resolveFindingCode('')).toBeNull();
  });
});
