import { describe, expect, it } from 'vitest';
import { diffView, type CurrentFiling } from './diff';
import type { NewWebsiteData, PrincipalData, SubjectData } from './payload';

const subject: SubjectData = {
  name: '杭州云栖科技有限公司', nature: 'enterprise', certType: '统一社会信用代码', certNumber: '91330106MA27XK1234',
  certAddress: '浙江省杭州市西湖区文三路90号', provinceCode: '33', mailingAddress: '浙江省杭州市西湖区文三路90号', legalRepName: null,
};
const principal: PrincipalData = {
  name: '张伟', idType: '居民身份证', idNumber: '330106198503120311', idValidUntil: '2035-03-12', mobile: '13805710001',
  landline: null, emergencyMobile: '13905710001', email: 'zhangwei@yunqi-tech.cn',
};
const current: CurrentFiling = {
  subject: { ...subject, status: 'active' },
  subjectPrincipal: principal,
  website: {
    name: '云栖科技官网', serviceContent: '综合门户', status: 'active', principal,
    domains: [{ id: 'd1', name: 'yunqitech.com' }, { id: 'd2', name: 'yunqi.cn' }], ips: ['47.96.12.34'],
  },
};
const newSite: NewWebsiteData = {
  name: '云栖开发者社区', serviceContent: '综合门户', ips: ['47.96.12.35', '47.96.12.36'], principal: { ...principal, landline: '0571-88886666' },
  domains: [{ name: 'yunqidev.cn', registrantName: '杭州云栖科技有限公司', registrantIdType: '统一社会信用代码', registrantIdNumber: '91330106MA27XK1234', expiresOn: '2027-05-01' }],
};

describe('diffView', () => {
  it('lists only the changed subject and principal fields, keyed by payload path', () => {
    const rows = diffView(current, {
      type: 'CHANGE_SUBJECT',
      subject: { ...subject, certAddress: '浙江省杭州市西湖区文三路100号', legalRepName: '张伟' },
      principal: { ...principal, mobile: '13805719999', idValidUntil: null },
    });
    expect(rows).toEqual([
      { field: 'subject.certAddress', label: '证件住所', before: '浙江省杭州市西湖区文三路90号', after: '浙江省杭州市西湖区文三路100号' },
      { field: 'subject.legalRepName', label: '法定代表人', before: null, after: '张伟' },
      { field: 'principal.idValidUntil', label: '主体负责人证件有效期至', before: '2035-03-12', after: '长期' },
      { field: 'principal.mobile', label: '主体负责人手机号码', before: '13805710001', after: '13805719999' },
    ]);
  });

  it('shows nature and province in words, and flags ID numbers as sensitive', () => {
    const rows = diffView(current, {
      type: 'CHANGE_SUBJECT',
      subject: { ...subject, nature: 'personal', certType: '居民身份证', certNumber: '330106198503120311' },
      principal: { ...principal, idNumber: '33010619850312001X' },
    });
    expect(rows.find((r) => r.field === 'subject.nature')).toMatchObject({ before: '企业', after: '个人' });
    expect(rows.find((r) => r.field === 'subject.certNumber')).toMatchObject({ sensitive: 'idNumber' });
    expect(rows.find((r) => r.field === 'principal.idNumber')).toMatchObject({ label: '主体负责人证件号码', sensitive: 'idNumber' });
    const province = diffView({ ...current, subject: { ...subject, provinceCode: '44' } }, { type: 'CHANGE_SUBJECT', subject, principal });
    expect(province).toEqual([{ field: 'subject.provinceCode', label: '所属区域', before: '广东', after: '浙江' }]);
  });

  it('treats empty and missing values alike (no phantom rows)', () => {
    expect(diffView(current, { type: 'CHANGE_SUBJECT', subject: { ...subject, legalRepName: '' }, principal: { ...principal, landline: undefined } })).toEqual([]);
  });

  it('changes a website: name, principal and deleted domains', () => {
    const rows = diffView(current, {
      type: 'CHANGE_WEBSITE',
      website: { name: '云栖科技', serviceContent: '综合门户' },
      principal: { ...principal, email: 'new@yunqi-tech.cn' },
      removeDomainIds: ['d2'],
    });
    expect(rows).toEqual([
      { field: 'website.name', label: '网站名称', before: '云栖科技官网', after: '云栖科技' },
      { field: 'principal.email', label: '网站负责人电子邮箱', before: 'zhangwei@yunqi-tech.cn', after: 'new@yunqi-tech.cn' },
      { field: 'removeDomainIds', label: '域名（删除后）', before: 'yunqitech.com、yunqi.cn', after: 'yunqitech.com' },
    ]);
  });

  it('a website change against a missing website shows every field as new', () => {
    const rows = diffView({ ...current, website: null }, { type: 'CHANGE_WEBSITE', website: { name: '云栖科技', serviceContent: '综合门户' }, principal, removeDomainIds: [] });
    expect(rows[0]).toEqual({ field: 'website.name', label: '网站名称', before: null, after: '云栖科技' });
    expect(rows.every((r) => r.before === null || r.field === 'principal.idValidUntil')).toBe(true);
  });

  it('changes access IPs, and an access filing with the same IPs changes nothing', () => {
    expect(diffView(current, { type: 'CHANGE_ACCESS', ips: ['47.96.12.99'] })).toEqual([
      { field: 'ips', label: '接入 IP 地址', before: '47.96.12.34', after: '47.96.12.99' },
    ]);
    expect(diffView(current, { type: 'ACCESS_FILING', ips: ['47.96.12.34'] })).toEqual([]);
    expect(diffView({ ...current, website: null }, { type: 'ACCESS_FILING', ips: ['1.2.3.4'] })).toEqual([
      { field: 'ips', label: '接入 IP 地址', before: null, after: '1.2.3.4' },
    ]);
  });

  it('cancellations show the status they lead to and the reason', () => {
    expect(diffView(current, { type: 'CANCEL_SUBJECT', reason: '公司已注销', confirmed: true })).toEqual([
      { field: 'subject.status', label: '主体状态', before: '正常', after: '已注销' },
      { field: 'reason', label: '注销原因', before: null, after: '公司已注销' },
    ]);
    expect(diffView(current, { type: 'CANCEL_WEBSITE', reason: '网站不再使用', confirmed: true })[0]).toEqual({
      field: 'website.status', label: '网站状态', before: '正常', after: '已注销',
    });
    expect(diffView(current, { type: 'CANCEL_ACCESS', reason: '迁出', confirmed: true })[0]).toMatchObject({ field: 'website.status', after: '已取消接入' });
    expect(diffView({ subject: { ...subject }, subjectPrincipal: null, website: null }, { type: 'CANCEL_ACCESS', reason: '', confirmed: true })).toEqual([
      { field: 'subject.status', label: '主体状态', before: '正常', after: '已取消接入' },
    ]);
    expect(diffView({ subject: null, subjectPrincipal: null, website: null }, { type: 'CANCEL_WEBSITE', reason: 'x', confirmed: true })[0]).toMatchObject({ before: '正常' });
  });

  it('an access filing after access was cancelled adds the IPs: nothing is hosted before it', () => {
    const cancelled: CurrentFiling = { ...current, website: { ...current.website!, status: 'access_cancelled', ips: [] } };
    expect(diffView(cancelled, { type: 'ACCESS_FILING', ips: ['47.98.110.21'] })).toEqual([{ field: 'ips', label: '接入 IP 地址', before: null, after: '47.98.110.21' }]);
  });

  it('a cancellation never lists its confirmation as a change, and names its reason by what it cancels', () => {
    for (const type of ['CANCEL_SUBJECT', 'CANCEL_WEBSITE', 'CANCEL_ACCESS'] as const) {
      const rows = diffView(current, { type, reason: '不再使用', confirmed: true });
      expect(rows.map((r) => r.field)).not.toContain('confirmed');
      expect(rows.some((r) => /确认/.test(r.label) || r.after === '是')).toBe(false);
      expect(rows.find((r) => r.field === 'reason')?.label).toBe(type === 'CANCEL_ACCESS' ? '取消接入原因' : '注销原因');
    }
  });

  it('a new website lists every field as new, with domain and principal paths under website', () => {
    const rows = diffView(current, { type: 'NEW_WEBSITE', website: newSite });
    expect(rows.every((r) => r.before === null)).toBe(true);
    expect(rows.map((r) => r.field)).toEqual(expect.arrayContaining([
      'website.name', 'website.domains.0.name', 'website.domains.0.registrantIdNumber', 'website.ips', 'website.principal.mobile', 'website.principal.landline',
    ]));
    expect(rows.find((r) => r.field === 'website.domains.0.name')).toMatchObject({ label: '域名1：域名', after: 'yunqidev.cn' });
    expect(rows.find((r) => r.field === 'website.ips')?.after).toBe('47.96.12.35、47.96.12.36');
    expect(rows.find((r) => r.field === 'website.domains.0.registrantIdNumber')?.sensitive).toBe('idNumber');
    expect(rows.find((r) => r.field === 'website.principal.mobile')?.label).toBe('网站负责人手机号码');
  });

  it('a first filing lists subject, principal and website', () => {
    const rows = diffView({ subject: null, subjectPrincipal: null, website: null }, { type: 'FIRST_FILING', subject, principal, website: newSite });
    const fields = rows.map((r) => r.field);
    expect(fields).toContain('subject.name');
    expect(fields).toContain('principal.idNumber');
    expect(fields).toContain('website.principal.email');
    expect(fields).not.toContain('subject.legalRepName'); // null → nothing to show
    expect(new Set(fields).size).toBe(fields.length);
  });
});
