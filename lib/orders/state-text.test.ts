import { describe, expect, it } from 'vitest';
import { ORDER_STATES, ORDER_TYPES } from '@/lib/domain/codes';
import { foreignWords, orderStateExplanation } from './state-text';
import { allowedEvents, nextState } from './state-machine';

describe('order state texts per type', () => {
  it('a submitted 注销 says nothing of 短信核验 or 初审', () => {
    for (const type of ['CANCEL_SUBJECT', 'CANCEL_WEBSITE'] as const) {
      const text = orderStateExplanation(type, 'REGULATOR_REVIEW');
      expect(text).not.toMatch(/短信|初审/);
      expect(text).toContain('管局');
    }
    expect(orderStateExplanation('CHANGE_WEBSITE', 'REGULATOR_REVIEW')).toContain('短信核验已完成');
  });

  it('every state an order type can reach has a text that fits the type', () => {
    for (const type of ORDER_TYPES) {
      // States reachable from DRAFT through the state machine.
      const seen = new Set<string>(['DRAFT']);
      const queue = ['DRAFT'] as (typeof ORDER_STATES)[number][];
      while (queue.length) {
        const s = queue.pop()!;
        for (const e of allowedEvents(type, s)) {
          const to = nextState(type, s, e)!;
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
      for (const s of seen) {
        const text = orderStateExplanation(type, s as (typeof ORDER_STATES)[number]);
        expect(text, `${type} ${s}`).toMatch(/[\u4e00-\u9fa5]/);
        for (const w of foreignWords(type)) expect(text, `${type} ${s}`).not.toContain(w);
      }
    }
  });

  it('取消接入 is never described as reviewed', () => {
    expect(orderStateExplanation('CANCEL_ACCESS', 'APPROVED')).not.toMatch(/审核通过|备案信息已更新/);
    expect(orderStateExplanation('ACCESS_FILING', 'APPROVED')).toContain('整改');
  });
});
