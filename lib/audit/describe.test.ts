import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, actionLabel, describeAudit } from './describe';

describe('audit descriptions', () => {
  it('labels order events and operator actions in Chinese', () => {
    expect(actionLabel('order.reject_first_review')).toBe('订单：初审驳回');
    expect(actionLabel('subject.cancel_access')).toBe('取消接入');
    expect(actionLabel('something.else')).toBe('something.else');
  });
  it('turns details into a sentence', () => {
    expect(describeAudit('order.submit', { number: 'BA1', from: 'DRAFT', to: 'SUBMITTED', reason: null })).toBe('订单 BA1：草稿 → 待初审');
    expect(describeAudit('extension.grant', { from: '2026-12-01', to: '2026-12-15' })).toBe('整改期限由 2026-12-01 延至 2026-12-15');
    expect(describeAudit('user.role', { email: 'a@b.c', from: 'filer', to: 'reviewer' })).toBe('a@b.c：备案用户 → 初审专员');
    expect(describeAudit('notice.issue', { codes: ['DOMAIN_EXPIRED'], deadline: '2026-12-31' })).toContain('域名过期');
    expect(describeAudit('x', { a: 1, b: { c: 2 } })).toBe('a：1；b：{"c":2}');
    expect(describeAudit('x', null)).toBe('');
    expect(describeAudit('pii.view', { fields: ['principal.idNumber', 'website.principal.idNumber'] })).toBe('查看字段：principal.idNumber、website.principal.idNumber');
  });
  it('masks 身份证号 and mobiles whatever detail they are in', () => {
    expect(describeAudit('order.reject_first_review', { number: 'BA2026110001', from: 'SUBMITTED', to: 'FIRST_REVIEW_REJECTED', reason: '证件号 330106198503120311 与手机 13805710001 不符' }))
      .toBe('订单 BA2026110001：待初审 → 初审驳回；原因：证件号 3301**********0311 与手机 138****0001 不符');
    expect(describeAudit('outbox.retry', { recipient: '13805710001', template: 'sms_code', lastError: 'gateway refused 13805710001' }))
      .toBe('recipient：138****0001；template：sms_code；lastError：gateway refused 138****0001');
    expect(describeAudit('user.invite', { name: '<img src=x onerror=alert(1)>', email: 'a@b.c', role: 'filer' })).toBe('<img src=x onerror=alert(1)>（a@b.c），角色 备案用户');
  });
});

describe('AUDIT_ACTIONS', () => {
  it('labels every action it lists', () => {
    for (const a of AUDIT_ACTIONS) expect(actionLabel(a)).not.toBe(a);
  });
});
