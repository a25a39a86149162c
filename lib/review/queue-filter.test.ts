import { describe, expect, it } from 'vitest';
import { REVIEWABLE_ORDER_TYPES, parseQueueFilter, queueQuery } from './queue-filter';

describe('初审 queue filter', () => {
  it('offers only the order types that reach 初审', () => {
    expect(REVIEWABLE_ORDER_TYPES).not.toContain('CANCEL_SUBJECT');
    expect(REVIEWABLE_ORDER_TYPES).not.toContain('CANCEL_WEBSITE');
    expect(REVIEWABLE_ORDER_TYPES).not.toContain('CANCEL_ACCESS');
    expect(REVIEWABLE_ORDER_TYPES).toContain('CHANGE_SUBJECT');
  });
  it('ignores unknown values and parameters', () => {
    const f = parseQueueFilter({ type: 'CANCEL_SUBJECT', province: '99', sort: 'x', foo: 'bar' });
    expect(f).toEqual({ type: undefined, province: undefined, overdueOnly: false, sort: 'oldest' });
    expect(queueQuery(f)).toBe('');
  });
  it('round-trips a real filter', () => {
    const f = parseQueueFilter(new URLSearchParams('type=CHANGE_WEBSITE&province=33&overdue=1&sort=newest'));
    expect(parseQueueFilter(new URLSearchParams(queueQuery(f)))).toEqual(f);
    expect(queueQuery(f, { done: 'x', skip: null })).toBe('type=CHANGE_WEBSITE&province=33&overdue=1&sort=newest&done=x');
  });
});
