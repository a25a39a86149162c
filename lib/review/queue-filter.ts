import { ORDER_TYPES, type OrderTypeValue } from '@/lib/domain/codes';
import { goesStraightToRegulator, takesEffectAtOnce } from '@/lib/orders/state-machine';
import { PROVINCE_CODES } from '@/lib/rules/provinces';

// The 初审 queue's filter as it travels in URLs: the queue page, each order opened from it, and the decision
// that leads on to the next order of the same filter. Anything the filter does not know is dropped.

/** Order types that reach 初审 (注销 goes straight to the 管局, 取消接入 takes effect at once). */
export const REVIEWABLE_ORDER_TYPES: readonly OrderTypeValue[] = ORDER_TYPES.filter((t) => !goesStraightToRegulator(t) && !takesEffectAtOnce(t));

export type QueueFilterParams = {
  type?: OrderTypeValue;
  province?: string;
  overdueOnly?: boolean;
  sort: 'oldest' | 'newest';
};

type Search = Record<string, string | string[] | undefined> | URLSearchParams;

function get(sp: Search, key: string): string {
  if (sp instanceof URLSearchParams) return sp.get(key) ?? '';
  const v = sp[key];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

export function parseQueueFilter(sp: Search): QueueFilterParams {
  const type = get(sp, 'type');
  const province = get(sp, 'province');
  return {
    type: (REVIEWABLE_ORDER_TYPES as readonly string[]).includes(type) ? (type as OrderTypeValue) : undefined,
    province: (PROVINCE_CODES as readonly string[]).includes(province) ? province : undefined,
    overdueOnly: get(sp, 'overdue') === '1',
    sort: get(sp, 'sort') === 'newest' ? 'newest' : 'oldest',
  };
}

/** The filter as a query string ('' for the default queue), in a fixed order. */
export function queueQuery(f: QueueFilterParams, extra: Record<string, string | null | undefined> = {}): string {
  const q = new URLSearchParams();
  if (f.type) q.set('type', f.type);
  if (f.province) q.set('province', f.province);
  if (f.overdueOnly) q.set('overdue', '1');
  if (f.sort === 'newest') q.set('sort', 'newest');
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  return q.toString();
}

export function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}
