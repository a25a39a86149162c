import { describe, expect, it } from 'vitest';
import { invariantViolation, toPayload } from './invariants';
import { company, person } from '@/tests/support/order-fixtures';

const facts = (type: Parameters<typeof invariantViolation>[1]['type'], activeDomainIds: string[] = []) => ({ type, provinceCode: '33', activeDomainIds });
const site = { name: '云栖科技博客', serviceContent: '企业博客', domains: [{ name: 'a.cn', registrantName: 'x', registrantIdType: 'y', registrantIdNumber: 'z', expiresOn: '2030-01-01' }], ips: ['1.1.1.1'], principal: person() };

describe('invariantViolation', () => {
  it('accepts well-formed payloads of every type', () => {
    expect(invariantViolation({ type: 'CHANGE_SUBJECT', subject: company(), principal: person() }, facts('CHANGE_SUBJECT'))).toBeNull();
    expect(invariantViolation({ type: 'CHANGE_WEBSITE', website: { name: 'a', serviceContent: 'b' }, principal: person(), removeDomainIds: ['d1'] }, facts('CHANGE_WEBSITE', ['d1', 'd2']))).toBeNull();
    expect(invariantViolation({ type: 'CANCEL_ACCESS', reason: 'r', confirmed: true }, facts('CANCEL_ACCESS'))).toBeNull();
    expect(invariantViolation({ type: 'FIRST_FILING', subject: company(), principal: person(), website: site }, facts('FIRST_FILING'))).toBeNull();
    expect(invariantViolation({ type: 'NEW_WEBSITE', website: site }, facts('NEW_WEBSITE'))).toBeNull();
  });
  it('refuses another province, a foreign type, unknown keys, added domains and deleting the last domain', () => {
    expect(invariantViolation({ type: 'CHANGE_SUBJECT', subject: company({ provinceCode: '31' }), principal: person() }, facts('CHANGE_SUBJECT'))).toBe('备案不能变更所属省份。');
    // 001 6 注意 / 2.3 跨省备案: a 首次备案 after 注销 is a new filing in the province of the current certificate.
    expect(invariantViolation({ type: 'FIRST_FILING', subject: company({ provinceCode: '44' }), principal: person(), website: site }, facts('FIRST_FILING'))).toBeNull();
    expect(invariantViolation({ type: 'FIRST_FILING', subject: company({ provinceCode: 'xx' }), principal: person(), website: site }, facts('FIRST_FILING'))).toBe('所属区域无效。');
    expect(invariantViolation({ type: 'CHANGE_ACCESS', ips: [] }, facts('CHANGE_SUBJECT'))).toBe('订单内容格式不正确。');
    const cw = { type: 'CHANGE_WEBSITE', website: { name: 'a', serviceContent: 'b' }, principal: person(), removeDomainIds: [] as string[] };
    expect(invariantViolation({ ...cw, website: { ...cw.website, domains: [] } }, facts('CHANGE_WEBSITE', ['d1']))).toMatch('不能新增或修改域名');
    expect(invariantViolation({ ...cw, removeDomainIds: ['d1'] }, facts('CHANGE_WEBSITE', ['d1']))).toMatch('不能删除网站的最后一个域名');
    expect(invariantViolation({ ...cw, removeDomainIds: ['x'] }, facts('CHANGE_WEBSITE', ['d1', 'd2']))).toBe('只能删除本网站已备案的域名。');
  });
});

describe('toPayload', () => {
  it('keeps exactly the keys of each type', () => {
    const values = { type: 'CHANGE_SUBJECT', subject: { ...company(), extra: 1 }, principal: person(), materials: [{ id: 'm' }], removeDomainIds: ['x'] };
    expect(toPayload('CHANGE_SUBJECT', values)).toEqual({ type: 'CHANGE_SUBJECT', subject: company(), principal: person() });
    expect(toPayload('CHANGE_WEBSITE', { website: { name: 'a', serviceContent: 'b', domains: [] }, principal: person() })).toEqual({ type: 'CHANGE_WEBSITE', website: { name: 'a', serviceContent: 'b' }, principal: person(), removeDomainIds: [] });
    expect(toPayload('CHANGE_ACCESS', {})).toEqual({ type: 'CHANGE_ACCESS', ips: [] });
    expect(toPayload('CANCEL_SUBJECT', { reason: 'r', confirmed: 'true' })).toEqual({ type: 'CANCEL_SUBJECT', reason: 'r', confirmed: false });
    expect(toPayload('CANCEL_WEBSITE', {})).toEqual({ type: 'CANCEL_WEBSITE', reason: '', confirmed: false });
    expect(toPayload('NEW_WEBSITE', { website: site })).toEqual({ type: 'NEW_WEBSITE', website: site });
    const first = toPayload('FIRST_FILING', { subject: company(), principal: person(), website: { name: 'n' } });
    expect(first).toMatchObject({ type: 'FIRST_FILING', website: { name: 'n', domains: [], ips: [] } });
    expect(invariantViolation(JSON.parse(JSON.stringify(toPayload('NEW_WEBSITE', { website: site }))), facts('NEW_WEBSITE'))).toBeNull();
  });
});
