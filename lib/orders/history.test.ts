import { describe, expect, it } from 'vitest';
import { ORDER_EVENTS, ORDER_STATE_LABELS } from './state-machine';
import { ORDER_STATES } from '@/lib/domain/codes';
import { eventLabel, historyLine, stateLabel } from './history';

describe('order history lines', () => {
  it('never repeat the state the event already names', () => {
    expect(historyLine('reject_first_review', 'FIRST_REVIEW_REJECTED')).toBe('初审驳回');
    expect(historyLine('submit', 'SUBMITTED')).toBe('提交订单，订单待初审');
    for (const e of ORDER_EVENTS) for (const s of ORDER_STATES) expect(historyLine(e, s)).not.toMatch(/(.+) → \1/);
  });
  it('name unknown events and states in words, not keys', () => {
    expect(eventLabel('create')).toBe('创建订单');
    expect(eventLabel('update')).toBe('订单更新');
    expect(stateLabel('NOPE')).toBe('其他状态');
    expect(stateLabel('APPROVED')).toBe(ORDER_STATE_LABELS.APPROVED);
  });
});
