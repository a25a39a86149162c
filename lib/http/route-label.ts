// The `route` label of the request metrics: the path with every id-like segment replaced by [id], so
// /admin/checks/3f2a…/ and /admin/checks/9b1c…/ count as one route, and no id or other personal value
// reaches the metrics. Paths nobody serves (404) are one label, whatever a scanner tries; and the metrics
// module caps the number of distinct labels besides (db/metrics.ts).

const ID_LIKE = /\d|^[0-9a-f]{16,}$|%|^.{41,}$/i;
const MAX_SEGMENTS = 6;

export function routeLabel(pathname: string, status?: number): string {
  if (status === 404) return 'unmatched';
  const path = pathname.split('?')[0]!.split('#')[0]!;
  if (path.startsWith('/_next/')) return `/_next/${path.split('/')[2] ?? ''}`;
  const segments = path.split('/').filter(Boolean);
  const label = segments.slice(0, MAX_SEGMENTS).map((s) => (ID_LIKE.test(s) ? '[id]' : s));
  if (segments.length > MAX_SEGMENTS) label.push('…');
  return `/${label.join('/')}`;
}

/** 2xx, 3xx, 4xx, 5xx. */
export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}
