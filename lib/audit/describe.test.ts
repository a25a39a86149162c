import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, actionLabel, describeAudit } from './describe';

describe('audit descriptions', () => {
  it('labels order events and operator actions in Chinese', () => {
    expect(actionLabel('order.reject_first_review')).toBe('订单：初审驳回');
    expect(actionLabel('subject.cancel_access')).toBe('取消接入');
    expect(actionLabel('something.else')).toBe('其他操作');
  });
  it('turns details into a sentence', () => {
    expect(describeAudit('order.submit', { number: 'BA1', from: 'DRAFT', to: 'SUBMITTED', reason: null })).toBe('订单 BA1：草稿 → 待初审');
    expect(describeAudit('extension.grant', { from: '2026-12-01', to: '2026-12-15' })).toBe('整改期限由 2026-12-01 延至 2026-12-15');
    expect(describeAudit('user.role', { email: 'a@b.c', from: 'filer', to: 'reviewer' })).toBe('a@b.c：备案用户 → 初审专员');
    expect(describeAudit('notice.issue', { codes: ['DOMAIN_EXPIRED'], deadline: '2026-12-31' })).toContain('域名过期');
    expect(describeAudit('x', { a: 1, b: { c: 2 } })).toBe('');
    expect(describeAudit('x', null)).toBe('');
    expect(describeAudit('pii.view', { fields: ['principal.idNumber', 'website.principal.idNumber'] })).toBe('查看字段：负责人证件号码、网站负责人证件号码');
  });
  it('masks 身份证号 and mobiles whatever detail they are in', () => {
    expect(describeAudit('order.reject_first_review', { number: 'BA2026110001', from: 'SUBMITTED', to: 'FIRST_REVIEW_REJECTED', reason: '证件号 330106198503120311 与手机 13805710001 不符' }))
      .toBe('订单 BA2026110001：待初审 → 初审驳回；原因：证件号 3301**********0311 与手机 138****0001 不符');
    expect(describeAudit('outbox.retry', { recipient: '13805710001', template: 'sms_code', lastError: 'gateway refused 13805710001' }))
      .toBe('短信核验码，收件人 138****0001');
    expect(describeAudit('user.invite', { name: '<img src=x onerror=alert(1)>', email: 'a@b.c', role: 'filer' })).toBe('<img src=x onerror=alert(1)>（a@b.c），角色 备案用户');
  });
});

describe('AUDIT_ACTIONS', () => {
  it('labels every action it lists', () => {
    for (const a of AUDIT_ACTIONS) expect(actionLabel(a)).not.toBe(a);
  });
});

describe('audit vocabulary', () => {
  it('offers every action the portal writes, each with a Chinese label', () => {
    for (const a of ['order.create', 'check.start', 'check.issue_notices', 'recheck.request', 'recheck.accept', 'recheck.return', 'outbox.retry']) {
      expect(AUDIT_ACTIONS).toContain(a);
      expect(actionLabel(a)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('describes the rows that used to show keys in words', () => {
    expect(describeAudit('check.start', { website: true, province: '33' })).toBe('省份：浙江；含网站访问检查');
    expect(describeAudit('check.start', {})).toBe('全部主体');
    expect(describeAudit('recheck.accept', { findingId: 'f', code: 'DOMAIN_EXPIRED', findingStatus: 'resolved', reason: null })).not.toMatch(/null|resolved|DOMAIN/);
    expect(describeAudit('order.create', { type: 'CHANGE_WEBSITE', findingId: null })).toBe('变更网站');
    expect(describeAudit('order.reject_first_review', { number: 'BA1', from: 'FIRST_REVIEW_REJECTED', to: 'FIRST_REVIEW_REJECTED', reason: null })).toBe('订单 BA1：初审驳回');
  });
  it('a 90-item notice row gives the count, not 90 names', () => {
    const codes = Array.from({ length: 90 }, (_, i) => (i % 2 ? 'DOMAIN_EXPIRED' : 'SITE_TITLE_MISMATCH'));
    const text = describeAudit('notice.issue', { codes, findings: 90, deadline: '2026-12-31' });
    expect(text).toContain('90 项不合格项');
    expect(text.length).toBeLessThan(80);
  });
});
