import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ORDER_STATES, ORDER_TYPES, OPEN_ORDER_STATES, type OrderState, type OrderTypeValue } from '@/lib/domain/codes';
import {
  ORDER_EVENTS,
  ORDER_STATE_EXPLANATIONS,
  ORDER_STATE_LABELS,
  TransitionError,
  allowedEvents,
  assertTransition,
  nextState,
  operatorMayAct,
  orderExpiresAt,
  smsAttemptOutcome,
  SMS_MAX_FAILURES,
  type OrderEvent,
} from './state-machine';
import { FILER_NEXT_STEP } from './next-step';

// SPEC section 5, transition by transition.
const NORMAL: OrderTypeValue[] = ['CHANGE_SUBJECT', 'CHANGE_WEBSITE', 'CHANGE_ACCESS', 'ACCESS_FILING', 'NEW_WEBSITE', 'FIRST_FILING'];
const CANCEL: OrderTypeValue[] = ['CANCEL_SUBJECT', 'CANCEL_WEBSITE'];

describe('order lifecycle of change, access and new-filing orders', () => {
  it.each(NORMAL)('%s follows DRAFT → SUBMITTED → PENDING_SMS → REGULATOR_REVIEW → APPROVED', (type) => {
    let s: OrderState = 'DRAFT';
    for (const [event, to] of [
      ['submit', 'SUBMITTED'],
      ['approve_first_review', 'PENDING_SMS'],
      ['sms_verified', 'REGULATOR_REVIEW'],
      ['regulator_approve', 'APPROVED'],
    ] as const) {
      s = assertTransition(type, s, event);
      expect(s).toBe(to);
    }
    expect(allowedEvents(type, 'APPROVED')).toEqual([]);
  });

  it.each(NORMAL)('%s: 初审驳回 → edit and resubmit through 初审; 管局驳回 → resubmit through 初审 or abandon', (type) => {
    expect(nextState(type, 'SUBMITTED', 'reject_first_review')).toBe('FIRST_REVIEW_REJECTED');
    expect(nextState(type, 'FIRST_REVIEW_REJECTED', 'resubmit')).toBe('SUBMITTED');
    expect(nextState(type, 'REGULATOR_REVIEW', 'regulator_reject')).toBe('REGULATOR_REJECTED');
    expect(nextState(type, 'REGULATOR_REJECTED', 'resubmit')).toBe('SUBMITTED');
    expect(nextState(type, 'REGULATOR_REJECTED', 'abandon')).toBe('ABANDONED');
  });

  it.each(NORMAL)('%s: a missed SMS window returns the order, and the filer resubmits to the 管局', (type) => {
    expect(nextState(type, 'PENDING_SMS', 'sms_return')).toBe('RETURNED');
    expect(nextState(type, 'RETURNED', 'resubmit_to_regulator')).toBe('PENDING_SMS');
    expect(nextState(type, 'RETURNED', 'abandon')).toBe('ABANDONED');
    // 001 4.6 短信验证未通过: 资料需要修改时重新提交备案申请，通过阿里云审核后再次进入短信验证环节.
    expect(nextState(type, 'RETURNED', 'resubmit')).toBe('SUBMITTED');
  });

  it.each(NORMAL)('%s: withdraw only before the 管局 has it', (type) => {
    expect(nextState(type, 'SUBMITTED', 'withdraw')).toBe('WITHDRAWN');
    // 001 备案审核FAQ 如何撤回审核中的备案订单?: "已提交至管局的订单无法撤销"; 初审通过 hands it to the 管局 (2.8).
    expect(nextState(type, 'PENDING_SMS', 'withdraw')).toBeNull();
    expect(nextState(type, 'RETURNED', 'withdraw')).toBeNull();
    expect(nextState(type, 'REGULATOR_REVIEW', 'withdraw')).toBeNull();
    expect(nextState(type, 'DRAFT', 'withdraw')).toBeNull();
  });
});

describe('cancellation orders', () => {
  it.each(CANCEL)('%s goes straight to the 管局: no 初审, no SMS, no withdrawal', (type) => {
    expect(nextState(type, 'DRAFT', 'submit')).toBe('REGULATOR_REVIEW');
    expect(nextState(type, 'REGULATOR_REVIEW', 'withdraw')).toBeNull();
    expect(nextState(type, 'REGULATOR_REVIEW', 'regulator_approve')).toBe('APPROVED');
    expect(nextState(type, 'REGULATOR_REJECTED', 'resubmit')).toBe('REGULATOR_REVIEW');
    expect(nextState(type, 'FIRST_REVIEW_REJECTED', 'resubmit')).toBeNull();
  });

  it('取消接入 takes effect at once and cannot be undone', () => {
    expect(nextState('CANCEL_ACCESS', 'DRAFT', 'submit')).toBe('APPROVED');
    expect(allowedEvents('CANCEL_ACCESS', 'APPROVED')).toEqual([]);
    expect(nextState('CANCEL_ACCESS', 'SUBMITTED', 'withdraw')).toBeNull();
  });
});

describe('the table as a whole', () => {
  it('abandon exactly from DRAFT, FIRST_REVIEW_REJECTED, RETURNED, REGULATOR_REJECTED', () => {
    for (const type of ORDER_TYPES)
      for (const s of ORDER_STATES)
        expect(nextState(type, s, 'abandon') !== null).toBe(['DRAFT', 'FIRST_REVIEW_REJECTED', 'RETURNED', 'REGULATOR_REJECTED'].includes(s));
  });

  it('a submitted order can expire, except while with the 管局 and once finished', () => {
    expect(nextState('CHANGE_SUBJECT', 'SUBMITTED', 'expire')).toBe('EXPIRED');
    expect(nextState('CHANGE_SUBJECT', 'REGULATOR_REVIEW', 'expire')).toBeNull();
    expect(nextState('CHANGE_SUBJECT', 'DRAFT', 'expire')).toBeNull();
  });

  it('terminal states have no way out; open states always have one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_TYPES), fc.constantFrom(...ORDER_STATES), (type, s) => {
        const open = (OPEN_ORDER_STATES as readonly string[]).includes(s);
        if (!open) expect(allowedEvents(type, s)).toEqual([]);
        if (open && s !== 'REGULATOR_REVIEW') expect(allowedEvents(type, s).length).toBeGreaterThan(0);
      }),
    );
  });

  it('any random walk only ever visits known states, and assertTransition agrees with nextState', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_TYPES), fc.array(fc.constantFrom(...ORDER_EVENTS), { maxLength: 20 }), (type, events) => {
        let s: OrderState = 'DRAFT';
        for (const e of events as OrderEvent[]) {
          const to = nextState(type, s, e);
          if (to === null) expect(() => assertTransition(type, s, e)).toThrow(TransitionError);
          else s = assertTransition(type, s, e);
          expect(ORDER_STATES).toContain(s);
        }
      }),
    );
  });

  it('every state has a Chinese label, explanation and next step', () => {
    for (const s of ORDER_STATES) {
      expect(ORDER_STATE_LABELS[s]).toMatch(/[\u4e00-\u9fa5]/);
      expect(ORDER_STATE_EXPLANATIONS[s]).toMatch(/[\u4e00-\u9fa5]/);
      expect(FILER_NEXT_STEP[s]).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(new TransitionError('CHANGE_SUBJECT', 'APPROVED', 'submit').message).toContain('已通过');
  });
});

describe('operator stand-in for 取消接入', () => {
  it('lets an operator stop an open order and cancel access (its own event), only with a reason', () => {
    expect(operatorMayAct('CHANGE_SUBJECT', 'abandon', '超期未整改')).toBe(true);
    expect(operatorMayAct('CHANGE_SUBJECT', 'withdraw', '超期未整改')).toBe(true);
    expect(operatorMayAct('CANCEL_ACCESS', 'cancel_access', '超期未整改')).toBe(true);
    expect(operatorMayAct('CANCEL_ACCESS', 'submit', '超期未整改')).toBe(false);
    expect(operatorMayAct('CHANGE_SUBJECT', 'abandon', '  ')).toBe(false);
    expect(operatorMayAct('CANCEL_ACCESS', 'cancel_access', null)).toBe(false);
    expect(operatorMayAct('CHANGE_SUBJECT', 'cancel_access', '理由')).toBe(false);
    expect(nextState('CANCEL_ACCESS', 'DRAFT', 'cancel_access')).toBe('APPROVED');
    expect(nextState('CHANGE_SUBJECT', 'DRAFT', 'cancel_access')).toBeNull();
    expect(nextState('CANCEL_ACCESS', 'APPROVED', 'cancel_access')).toBeNull();
  });
  it('never lets an operator submit any other order or act as the filer elsewhere', () => {
    expect(operatorMayAct('CHANGE_SUBJECT', 'submit', '理由')).toBe(false);
    expect(operatorMayAct('CANCEL_SUBJECT', 'submit', '理由')).toBe(false);
    expect(operatorMayAct('CHANGE_SUBJECT', 'sms_verified', '理由')).toBe(false);
    expect(operatorMayAct('CHANGE_SUBJECT', 'resubmit', '理由')).toBe(false);
  });
});

// 001 4.6 短信验证未通过: 共计输错5次后，第6次验证时工信部系统会将您的备案申请信息退回.
describe('SMS attempts', () => {
  it('tolerates five wrong answers; the sixth attempt returns the order even when correct', () => {
    expect(smsAttemptOutcome(0, true)).toBe('verified');
    expect(smsAttemptOutcome(4, false)).toBe('wrong');
    expect(smsAttemptOutcome(4, true)).toBe('verified');
    expect(smsAttemptOutcome(5, true)).toBe('returned');
    expect(smsAttemptOutcome(5, false)).toBe('returned');
    expect(SMS_MAX_FAILURES).toBe(6);
  });
});

// 001 4.10: 备案订单有效期为45天(自提交当天开始计算) — the submission day (Asia/Shanghai) is day 1.
describe('order validity', () => {
  it('lapses at the start of the 46th Shanghai day, whatever the hour of submission', () => {
    expect(orderExpiresAt(new Date('2026-03-01T23:30:00+08:00')).toISOString()).toBe(new Date('2026-04-15T00:00:00+08:00').toISOString());
    expect(orderExpiresAt(new Date('2026-03-01T00:05:00+08:00')).toISOString()).toBe(new Date('2026-04-15T00:00:00+08:00').toISOString());
    // 2026-03-01 23:30 in Shanghai is still 15:30 UTC on 03-01; 2026-03-01T17:00Z is already 03-02 in Shanghai.
    expect(orderExpiresAt(new Date('2026-03-01T17:00:00Z')).toISOString()).toBe(new Date('2026-04-16T00:00:00+08:00').toISOString());
  });
});
