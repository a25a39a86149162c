import { describe, expect, it } from 'vitest';
import { attemptRefusal, mayRejectForPhone, nextPhoneStep, type PhoneAttempt } from './phone-check';

// 001 2.2 (初审电话, printed under 2.1's 热门推荐): 如首次拨打电话未接听到，请您耐心等待1小时，初审专员会再次与您取得联系。
// 如第二次拨打您的联系电话仍未接听到，初审专员将拨打您备案信息填写的应急联系电话。如初审专员拨打您的应急联系电话仍无人
// 接听，将驳回您的备案审核订单.
const t0 = new Date('2026-11-23T10:00:00+08:00');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);
const missed = (min: number, target: PhoneAttempt['target'] = 'contact'): PhoneAttempt => ({ at: at(min), target, reached: false });

describe('the 初审 phone procedure', () => {
  it('call, wait an hour, call again, then the 应急联系电话, then 驳回', () => {
    expect(nextPhoneStep([], t0)).toEqual({ kind: 'call', target: 'contact' });
    expect(nextPhoneStep([missed(0)], at(30))).toEqual({ kind: 'wait', until: at(60) });
    expect(nextPhoneStep([missed(0)], at(60))).toEqual({ kind: 'call', target: 'contact' });
    expect(nextPhoneStep([missed(0), missed(61)], at(62))).toEqual({ kind: 'call', target: 'emergency' });
    expect(nextPhoneStep([missed(0), missed(61), missed(63, 'emergency')], at(64))).toEqual({ kind: 'reject' });
  });
  it('stops once someone answers', () => {
    expect(nextPhoneStep([missed(0), { at: at(61), target: 'contact', reached: true }], at(62))).toEqual({ kind: 'reached' });
    expect(attemptRefusal([{ at: t0, target: 'contact', reached: true }], 'contact', at(1))).toMatch('已与负责人取得联系');
  });
  it('refuses attempts out of order, and 驳回 before the procedure is complete', () => {
    expect(attemptRefusal([], 'contact', t0)).toBeNull();
    expect(attemptRefusal([], 'emergency', t0)).toBe('现在应拨打联系方式1。');
    expect(attemptRefusal([missed(0)], 'contact', at(10))).toMatch('1 小时');
    expect(attemptRefusal([missed(0), missed(61)], 'emergency', at(62))).toBeNull();
    expect(attemptRefusal([missed(0), missed(61), missed(63, 'emergency')], 'contact', at(64))).toMatch('驳回');
    expect(mayRejectForPhone([missed(0), missed(61)], at(62))).toBe(false);
    expect(mayRejectForPhone([missed(61), missed(0), missed(63, 'emergency')], at(64))).toBe(true);
  });
});
