import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyListIntent, listPathsOf, mergePostedStep, parseIntent } from './form-values';

const principal = { name: '张三', idType: '居民身份证', idNumber: '110101199003077777', idValidUntil: '2030-01-01', mobile: '13800000000', landline: '', emergencyMobile: '13900000000', email: 'a@example.com' };

describe('mergePostedStep', () => {
  it('lays the posted fields over the saved draft and keeps the ones not posted (read-only fields)', () => {
    const saved = { principal, subject: { name: '某公司' } };
    const out = mergePostedStep('CHANGE_SUBJECT', 'principal', saved, { orderId: 'x', version: '3', step: '1', intent: 'next', 'principal.mobile': '13700000000' });
    expect(out).toEqual({ principal: { ...principal, mobile: '13700000000' }, subject: { name: '某公司' } });
    expect(saved.principal.mobile).toBe('13800000000');
  });

  it('takes only the step’s own fields: another step’s names are ignored', () => {
    const out = mergePostedStep('CHANGE_SUBJECT', 'principal', { principal, subject: { name: '某公司' } }, { 'subject.name': '改了', 'principal.name': '李四' });
    expect(out.subject).toEqual({ name: '某公司' });
    expect((out.principal as typeof principal).name).toBe('李四');
  });

  it('refuses prototype paths', () => {
    const out = mergePostedStep('CHANGE_SUBJECT', 'subject', {}, { 'subject.__proto__.polluted': 'yes', 'subject.constructor.x': '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out).toEqual({});
  });

  it('长期有效 posts null for the validity date, whatever the date field held', () => {
    const out = mergePostedStep('CHANGE_SUBJECT', 'principal', { principal }, { 'principal.idValidUntil': '2030-01-01', 'principal.idValidUntil__longTerm': '1' });
    expect((out.principal as typeof principal).idValidUntil).toBeNull();
  });

  it('an unticked 确认 box is false and a ticked one true', () => {
    expect(mergePostedStep('CANCEL_WEBSITE', 'cancel', { confirmed: true, reason: 'x' }, { reason: '不再使用' })).toEqual({ confirmed: false, reason: '不再使用' });
    expect(mergePostedStep('CANCEL_WEBSITE', 'cancel', {}, { reason: 'r', confirmed: 'on' })).toEqual({ confirmed: true, reason: 'r' });
  });

  it('the domains to delete are the ticked boxes, none when none is ticked', () => {
    expect(mergePostedStep('CHANGE_WEBSITE', 'domains', { removeDomainIds: ['a'] }, {}).removeDomainIds).toEqual([]);
    expect(mergePostedStep('CHANGE_WEBSITE', 'domains', {}, { removeDomainIds: ['a', 'b'] }).removeDomainIds).toEqual(['a', 'b']);
    expect(mergePostedStep('CHANGE_WEBSITE', 'domains', {}, { removeDomainIds: 'a' }).removeDomainIds).toEqual(['a']);
  });

  it('a list takes its posted length; items keep saved fields not posted; items past the length are dropped', () => {
    const saved = { website: { domains: [{ name: 'a.cn', registrantName: '甲' }, { name: 'b.cn', registrantName: '乙' }] } };
    const out = mergePostedStep('NEW_WEBSITE', 'newDomains', saved, { 'website.domains.__length': '1', 'website.domains.0.name': 'c.cn', 'website.domains.1.name': 'stale.cn' });
    expect(out).toEqual({ website: { domains: [{ name: 'c.cn', registrantName: '甲' }] } });
  });

  it('IPs of an access order live at the top level, of a new site inside the website', () => {
    expect(mergePostedStep('ACCESS_FILING', 'ips', { ips: ['1.1.1.1'] }, { 'ips.__length': '2', 'ips.0': '8.8.8.8', 'ips.1': '9.9.9.9' })).toEqual({ ips: ['8.8.8.8', '9.9.9.9'] });
    expect(mergePostedStep('NEW_WEBSITE', 'ips', { website: { name: 'n' } }, { 'website.ips.__length': '1', 'website.ips.0': '8.8.8.8' })).toEqual({ website: { name: 'n', ips: ['8.8.8.8'] } });
  });

  it('the website principal of 变更网站 is `principal`, of a new site `website.principal`', () => {
    expect(mergePostedStep('CHANGE_WEBSITE', 'websitePrincipal', {}, { 'principal.name': '王五', 'website.principal.name': 'x' })).toEqual({ principal: { name: '王五' } });
    expect(mergePostedStep('NEW_WEBSITE', 'websitePrincipal', {}, { 'principal.name': 'x', 'website.principal.name': '王五' })).toEqual({ website: { principal: { name: '王五' } } });
  });

  it('never throws and never takes a name outside the step, whatever is posted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 30 }), fc.oneof(fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }))), (posted) => {
        const out = mergePostedStep('CHANGE_SUBJECT', 'principal', { subject: { name: 's' } }, posted);
        expect(out.subject).toEqual({ name: 's' });
        expect(Object.keys(out).every((k) => k === 'subject' || k === 'principal')).toBe(true);
      }),
    );
  });
});

describe('parseIntent and applyListIntent', () => {
  const lists = listPathsOf('NEW_WEBSITE', 'newDomains');

  it('reads the pressed button; anything unknown is 下一步', () => {
    expect(parseIntent('back', lists)).toEqual({ kind: 'back' });
    expect(parseIntent('add:website.domains', lists)).toEqual({ kind: 'add', list: 'website.domains' });
    expect(parseIntent('remove:website.domains:1', lists)).toEqual({ kind: 'remove', list: 'website.domains', index: 1 });
    expect(parseIntent('add:subject', lists)).toEqual({ kind: 'next' });
    expect(parseIntent(undefined, lists)).toEqual({ kind: 'next' });
  });

  it('添加 appends a blank item, 删除 removes one but never the last', () => {
    const one = { website: { domains: [{ name: 'a.cn' }] } };
    const two = applyListIntent(one, { kind: 'add', list: 'website.domains' });
    expect((two.website as { domains: unknown[] }).domains).toHaveLength(2);
    expect(applyListIntent(two, { kind: 'remove', list: 'website.domains', index: 0 })).toEqual({ website: { domains: [{ name: '', registrantName: '', registrantIdType: '', registrantIdNumber: '', expiresOn: '' }] } });
    expect(applyListIntent(one, { kind: 'remove', list: 'website.domains', index: 0 })).toEqual(one);
    expect(applyListIntent({ ips: ['1.1.1.1'] }, { kind: 'add', list: 'ips' })).toEqual({ ips: ['1.1.1.1', ''] });
  });
});
