import { describe, expect, it } from 'vitest';
import { diffView, fieldLabel, flatten } from './diff-view';
import { company, person } from '@/tests/support/order-fixtures';

describe('diffView', () => {
  it('lists only changed fields, labelled in Chinese, before → after', () => {
    const before = { type: 'CHANGE_SUBJECT', subject: company(), principal: person() };
    const after = { type: 'CHANGE_SUBJECT', subject: company({ mailingAddress: '新地址' }), principal: person({ idValidUntil: null, landline: '010-12345678' }) };
    expect(diffView('CHANGE_SUBJECT', before, after)).toEqual([
      { path: 'subject.mailingAddress', label: '主办单位 · 通信地址', before: company().mailingAddress, after: '新地址' },
      { path: 'principal.idValidUntil', label: '主体负责人 · 证件有效期至', before: '2035-03-12', after: '长期' },
      { path: 'principal.landline', label: '主体负责人 · 固定电话', before: '—', after: '010-12345678' },
    ]);
  });
  it('shows deleted domains by name, natures and provinces by label, booleans and lists in words', () => {
    expect(diffView('CHANGE_WEBSITE', { removeDomainIds: [] }, { removeDomainIds: ['d1'] }, { d1: 'a.cn' })).toEqual([{ path: 'removeDomainIds', label: '删除的域名', before: '—', after: 'a.cn' }]);
    expect(diffView('CHANGE_WEBSITE', { principal: person() }, { principal: person({ mobile: '13900000000' }) })[0]?.label).toBe('网站负责人 · 手机号码');
    expect(diffView('CHANGE_SUBJECT', { subject: { nature: 'personal', provinceCode: '33' } }, { subject: { nature: 'enterprise', provinceCode: '11' } }).map((r) => [r.before, r.after])).toEqual([
      ['个人', '企业'],
      ['浙江', '北京'],
    ]);
    expect(diffView('CANCEL_ACCESS', { reason: '', confirmed: false }, { reason: '迁移', confirmed: true }).map((r) => `${r.label}:${r.after}`)).toEqual(['原因:迁移', '已确认后果:是']);
    expect(diffView('CHANGE_ACCESS', { ips: ['1.1.1.1'] }, { ips: ['1.1.1.1', '2.2.2.2'] })[0]).toMatchObject({ label: 'IP 地址', after: '1.1.1.1、2.2.2.2' });
    expect(diffView('CHANGE_ACCESS', { ips: ['1.1.1.1'] }, { ips: [''] })[0]).toMatchObject({ after: '—' });
  });
  it('a new website shows every field as new, domains numbered', () => {
    const rows = diffView('NEW_WEBSITE', {}, { type: 'NEW_WEBSITE', website: { name: '博客', domains: [{ name: 'a.cn', expiresOn: '2030-01-01' }], principal: { mobile: '13800000000' }, odd: 'x' } });
    expect(rows.map((r) => r.label)).toEqual(['网站名称', '域名 1 · 域名', '域名 1 · 域名到期日期', '网站负责人 · 手机号码', 'website.odd']);
  });
  it('labels and flattening helpers', () => {
    expect(fieldLabel('FIRST_FILING', 'principal.email')).toBe('主体负责人 · 电子邮箱');
    expect(fieldLabel('FIRST_FILING', 'website.principal.weird')).toBe('网站负责人 · weird');
    expect(fieldLabel('FIRST_FILING', 'website.domains.1.other')).toBe('域名 2 · other');
    expect(flatten(null)).toEqual({});
    expect(flatten({ a: [{ b: 1 }], c: null })).toEqual({ 'a.0.b': 1, c: null });
  });
});
