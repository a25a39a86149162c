import { describe, expect, it } from 'vitest';
import { RemediationInputError, planReaccess, planReaccessInProvince } from './index';

type Input = Parameters<typeof planReaccess>[0];
const base: Input = {
  miit: 'subject_and_website',
  principalMobileWorks: true,
  otherProviderHosts: false,
  provinceAllowsAccessThenChange: true,
  openChangeOrder: false,
};
const plan = (patch: Partial<Input>) => planReaccess({ ...base, ...patch });
const steps = (p: ReturnType<typeof planReaccess>) =>
  p.options[0]?.steps.map((s) => (s.kind === 'order' ? s.order : s.kind === 'action' ? s.action : s.kind));

describe('planReaccess — T3 (access cancelled after the 整改期)', () => {
  it('MIIT has nothing → 首次备案', () => {
    const p = plan({ miit: 'none' });
    expect(p.options.map((o) => o.id)).toEqual(['first-filing']);
    expect(steps(p)).toEqual(['FIRST_FILING']);
  });
  it('only an empty subject (空壳) → 线下注销, then 首次备案', () => {
    expect(steps(plan({ miit: 'subject_only' }))).toEqual(['OFFLINE_CANCEL', 'FIRST_FILING']);
  });
  // 001 11.2 通过工信部备案管理系统查询备案信息: 可线下注销空壳主体或等待空壳主体自动注销（广东通常3天左右，山东通常10天左右）.
  it('an empty subject may also wait for the 管局 to cancel it', () => {
    const p = plan({ miit: 'subject_only' });
    expect(p.options.map((o) => o.id)).toEqual(['offline-cancel-first-filing', 'wait-auto-cancel-first-filing']);
    expect(p.options[1]?.steps).toEqual([{ kind: 'action', action: 'WAIT_FOR_AUTO_CANCEL' }, { kind: 'order', order: 'FIRST_FILING' }]);
  });
  it('subject with other websites but not this one → 新增网站', () => {
    expect(steps(plan({ miit: 'subject_with_other_websites' }))).toEqual(['NEW_WEBSITE']);
  });
  it('subject and website, mobile dead, another provider hosts it → change there, then 接入备案', () => {
    const p = plan({ principalMobileWorks: false, otherProviderHosts: true });
    expect(p.options[0]?.id).toBe('change-elsewhere-then-access');
    expect(steps(p)).toEqual(['CHANGE_AT_OTHER_PROVIDER', 'ACCESS_FILING']);
  });
  it('subject and website, mobile dead, no other provider → 线下注销, then 首次备案', () => {
    expect(steps(plan({ principalMobileWorks: false, otherProviderHosts: false }))).toEqual(['OFFLINE_CANCEL', 'FIRST_FILING']);
  });
  it('subject and website, mobile works, province allows 先接入后变更 → 接入备案 then the change', () => {
    const p = plan({});
    expect(p.options[0]?.id).toBe('access-then-change');
    // 000: 接入备案成功后…进行自查并操作变更备案 — the change is a step of the plan.
    expect(steps(p)).toEqual(['ACCESS_FILING', 'CHANGE_SUBJECT']);
    expect(p.options[0]?.title).toContain('变更');
    expect(steps(plan({ finding: 'DOMAIN_EXPIRED' }))).toEqual(['ACCESS_FILING', 'RENEW_DOMAIN', 'recheck']);
    expect(steps(plan({ finding: 'WEBSITE_CONTACT_INVALID' }))).toEqual(['ACCESS_FILING', 'CHANGE_WEBSITE']);
  });
  it('subject and website, mobile works, province forbids it, nobody hosts it → 线下注销, then 首次备案', () => {
    expect(steps(plan({ provinceAllowsAccessThenChange: false }))).toEqual(['OFFLINE_CANCEL', 'FIRST_FILING']);
  });
  // 001 5 备案信息有变化可以接入阿里云吗?: 不允许接入 → 需先到原接入商进行变更备案，待变更备案操作成功后再接入.
  // 2.6 sends the same filer to 线下注销; the route that keeps the filing is recommended, 线下注销 explained as fallback.
  it('province forbids it but another provider hosts the filing → change there, then 接入; 线下注销 only as fallback', () => {
    const p = plan({ provinceAllowsAccessThenChange: false, otherProviderHosts: true });
    expect(p.options.map((o) => o.id)).toEqual(['change-elsewhere-then-access', 'offline-cancel-first-filing']);
    expect(steps(p)).toEqual(['CHANGE_AT_OTHER_PROVIDER', 'ACCESS_FILING']);
    expect(p.options[1]?.title).toContain('原备案号将被删除');
  });
  it('an order still open at cancellation is abandoned first', () => {
    for (const miit of ['none', 'subject_only', 'subject_with_other_websites', 'subject_and_website'] as const) {
      const p = plan({ miit, openChangeOrder: true });
      expect(p.options[0]?.steps[0]).toEqual({ kind: 'abandon_open_order' });
    }
  });
  it('exactly one recommended option, first', () => {
    for (const miit of ['none', 'subject_only', 'subject_with_other_websites', 'subject_and_website'] as const)
      for (const principalMobileWorks of [true, false])
        for (const otherProviderHosts of [true, false])
          for (const provinceAllowsAccessThenChange of [true, false])
            for (const openChangeOrder of [true, false]) {
              const p = planReaccess({ miit, principalMobileWorks, otherProviderHosts, provinceAllowsAccessThenChange, openChangeOrder });
              expect(p.options.filter((o) => o.recommended)).toHaveLength(1);
              expect(p.options[0]?.recommended).toBe(true);
            }
  });
  it('rejects an unknown MIIT state', () => {
    expect(() => plan({ miit: 'maybe' as Input['miit'] })).toThrow(RemediationInputError);
  });
});

describe('planReaccessInProvince — the province table decides 先接入后变更', () => {
  const { provinceAllowsAccessThenChange: _omit, ...rest } = base;

  it('unknown rule: offers both paths, access first, each saying the 管局 decides', () => {
    const p = planReaccessInProvince({ ...rest, province: '33' });
    expect(p.options.map((o) => o.id)).toEqual(['access-then-change', 'offline-cancel-first-filing']);
    expect(p.options.map((o) => o.recommended)).toEqual([true, false]);
    for (const o of p.options) expect(o.title).toContain('管局');
  });
  it('unknown rule, another provider hosts it: access first, then change-there, 线下注销 last', () => {
    const p = planReaccessInProvince({ ...rest, otherProviderHosts: true, province: '33', followUp: [{ kind: 'order', order: 'CHANGE_WEBSITE' }] });
    expect(p.options.map((o) => o.id)).toEqual(['access-then-change', 'change-elsewhere-then-access', 'offline-cancel-first-filing']);
    expect(p.options.map((o) => o.recommended)).toEqual([true, false, false]);
    expect(p.options[0]?.steps).toEqual([{ kind: 'order', order: 'ACCESS_FILING' }, { kind: 'order', order: 'CHANGE_WEBSITE' }]);
  });
  it('keeps abandoning an open order in both paths', () => {
    const p = planReaccessInProvince({ ...rest, openChangeOrder: true, province: '44' });
    for (const o of p.options) expect(o.steps[0]).toEqual({ kind: 'abandon_open_order' });
  });
  it('offers a single path when the answer does not depend on the province', () => {
    const p = planReaccessInProvince({ ...rest, miit: 'none', province: '33' });
    expect(p.options.map((o) => o.id)).toEqual(['first-filing']);
  });
  it('rejects an unknown province', () => {
    expect(() => planReaccessInProvince({ ...rest, province: '00' })).toThrow(RemediationInputError);
  });
});
