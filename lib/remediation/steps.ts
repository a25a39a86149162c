import type { ActionCode, OrderType, RemediationOption, Step } from './types';

export const order = (o: OrderType): Step => ({ kind: 'order', order: o });
export const action = (a: ActionCode): Step => ({ kind: 'action', action: a });
export const RECHECK: Step = { kind: 'recheck' };
export const ABANDON_OPEN_ORDER: Step = { kind: 'abandon_open_order' };

export type Draft = { id: string; title: string; steps: Step[] };

/** Options in preference order → the first is the one recommended, and only it. */
export function ranked(drafts: readonly Draft[]): RemediationOption[] {
  return drafts.map((d, i) => ({ id: d.id, title: d.title, recommended: i === 0, steps: [...d.steps] }));
}
