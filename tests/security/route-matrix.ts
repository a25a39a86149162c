import type { Role } from '@/lib/domain/codes';

// every page and route handler of the portal, who may open it, and what fills its identifier.
// e2e/route-matrix.spec.ts finds the page.tsx / route.ts files on disk, so a new route without a row here
// (or a row whose file is gone) fails the test. tests/security/action-matrix.ts does the same for server
// actions.

export type Viewer = 'anonymous' | Role;
export const VIEWERS = ['anonymous', 'filer', 'reviewer', 'admin'] as const satisfies readonly Viewer[];

/**
 * What fills a dynamic segment. `owner` objects belong to a filer: "own" is one of filer@beian.example's,
 * "foreign" one of filer2@beian.example's. `staff` objects have no owner among the viewers: "own" is one
 * that exists, "foreign" a random UUID that exists nowhere. Either way a random UUID and a malformed id are
 * probed as well, and a foreign object must answer exactly like the random UUID.
 */
export type IdKind = 'subject' | 'finding' | 'order' | 'material' | 'checkRun' | 'importBatch' | 'mailMessage';
export type Slot = {
  kind: IdKind;
  ownership: 'owner' | 'staff';
  /** How the id looks in the URL. Anything but a UUIDv4 needs a reason. */
  format: 'uuid' | { integer: string };
};

/** One expected answer: a status, and for redirects where it points (path + query, `{id}` filled in). */
export type Answer = { status: number; location?: string | RegExp };

export type RouteRule = {
  /** What the spec requests; `{id}` is replaced by the object's id. */
  url: string;
  /** Who gets the page. 'public' = everyone, signed in or not. */
  roles: readonly Role[] | 'public';
  id?: Slot;
  /**
   * What an allowed viewer gets for its own (or an existing) object when it is not a plain 200; any one
   * of the answers passes. Viewers not listed get 200.
   */
  allowed?: Partial<Record<Viewer, readonly Answer[]>>;
  /** A GET that writes when allowed: the spec proves refused calls write nothing. */
  writes?: string;
};

const HOME = { filer: '/dashboard', reviewer: '/review', admin: '/admin' } as const;
const toHome = { filer: [{ status: 307, location: HOME.filer }], reviewer: [{ status: 307, location: HOME.reviewer }], admin: [{ status: 307, location: HOME.admin }] };
const uuid = 'uuid' as const;
const POST_ONLY = { anonymous: [{ status: 405 }], filer: [{ status: 405 }], reviewer: [{ status: 405 }], admin: [{ status: 405 }] };

export const ROUTE_MATRIX: Record<string, RouteRule> = {
  // Public.
  'app/page.tsx': { url: '/', roles: ['filer', 'reviewer', 'admin'], allowed: toHome },
  'app/login/page.tsx': { url: '/login', roles: 'public', allowed: toHome },
  'app/login/verify/page.tsx': { url: '/login/verify', roles: 'public' },
  'app/status/page.tsx': { url: '/status', roles: 'public' },
  'app/ping/route.ts': { url: '/ping', roles: 'public' },
  'app/healthz/route.ts': { url: '/healthz', roles: 'public' },
  'app/readyz/route.ts': { url: '/readyz', roles: 'public' },
  // The token, not a session, opens it (playwright.config.ts sets one).
  'app/metrics/route.ts': { url: '/metrics', roles: 'public', allowed: { anonymous: [{ status: 401 }], filer: [{ status: 401 }], reviewer: [{ status: 401 }], admin: [{ status: 401 }] } },
  // Auth.js' own endpoints (session, csrf, providers, callbacks); the session answer is the one a page reads.
  'app/api/auth/[...nextauth]/route.ts': { url: '/api/auth/session', roles: 'public' },

  // Filer.
  'app/(filer)/dashboard/page.tsx': { url: '/dashboard', roles: ['filer'] },
  'app/(filer)/notices/page.tsx': { url: '/notices', roles: ['filer'] },
  'app/(filer)/orders/page.tsx': { url: '/orders', roles: ['filer'] },
  'app/(filer)/subjects/[id]/page.tsx': { url: '/subjects/{id}', roles: ['filer'], id: { kind: 'subject', ownership: 'owner', format: uuid } },
  'app/(filer)/rectifications/[id]/page.tsx': { url: '/rectifications/{id}', roles: ['filer'], id: { kind: 'finding', ownership: 'owner', format: uuid } },
  'app/(filer)/orders/[id]/page.tsx': { url: '/orders/{id}', roles: ['filer'], id: { kind: 'order', ownership: 'owner', format: uuid } },
  // Only drafts and rejected orders are edited; any other own order sends the filer to its page.
  'app/(filer)/orders/[id]/edit/page.tsx': {
    url: '/orders/{id}/edit', roles: ['filer'], id: { kind: 'order', ownership: 'owner', format: uuid },
    allowed: { filer: [{ status: 200 }, { status: 307, location: '/orders/{id}' }] },
  },
  // The confirmation page of starting an order: it shows, never creates (creating is its POST, startOrderAction).
  // 首次备案 of a filing that is not access-cancelled is shown with the reason and no button; another filer's
  // subject is a 404.
  'app/(filer)/orders/new/page.tsx': {
    url: '/orders/new?type=FIRST_FILING&subject={id}', roles: ['filer'], id: { kind: 'subject', ownership: 'owner', format: uuid },
  },
  // Uploads: their owner, and any staff member (they review them).
  // The two uploads are POST-only route handlers outside the proxy (their bodies are read by them alone);
  // a GET is 405 for everyone, and the POST checks the session, role and origin itself (tests/db/upload-routes.test.ts).
  'app/materials/upload/route.ts': { url: '/materials/upload', roles: 'public', allowed: POST_ONLY },
  'app/(admin)/admin/notices/import/upload/route.ts': { url: '/admin/notices/import/upload', roles: 'public', allowed: POST_ONLY },
  'app/materials/[id]/route.ts': { url: '/materials/{id}', roles: ['filer', 'reviewer', 'admin'], id: { kind: 'material', ownership: 'owner', format: uuid } },

  // Reviewers and admins.
  'app/(staff)/review/page.tsx': { url: '/review', roles: ['reviewer', 'admin'] },
  // ?pii=1 shows a full 身份证号 and records that view in the audit log.
  'app/(staff)/review/[orderId]/page.tsx': {
    url: '/review/{id}?pii=1', roles: ['reviewer', 'admin'], id: { kind: 'order', ownership: 'staff', format: uuid },
    writes: 'records a full-ID-number view in the audit log',
  },
  'app/(staff)/rechecks/page.tsx': { url: '/rechecks', roles: ['reviewer', 'admin'] },

  // Admins.
  'app/(admin)/admin/page.tsx': { url: '/admin', roles: ['admin'] },
  'app/(admin)/admin/audit/page.tsx': { url: '/admin/audit', roles: ['admin'] },
  'app/(admin)/admin/cancel-access/page.tsx': { url: '/admin/cancel-access', roles: ['admin'] },
  'app/(admin)/admin/checks/page.tsx': { url: '/admin/checks', roles: ['admin'] },
  'app/(admin)/admin/checks/[id]/page.tsx': { url: '/admin/checks/{id}', roles: ['admin'], id: { kind: 'checkRun', ownership: 'staff', format: uuid } },
  'app/(admin)/admin/deadlines/page.tsx': { url: '/admin/deadlines', roles: ['admin'] },
  'app/(admin)/admin/extensions/page.tsx': { url: '/admin/extensions', roles: ['admin'] },
  'app/(admin)/admin/mailbox/page.tsx': { url: '/admin/mailbox', roles: ['admin'] },
  'app/(admin)/admin/mailbox/[id]/page.tsx': {
    url: '/admin/mailbox/{id}', roles: ['admin'],
    id: {
      kind: 'mailMessage', ownership: 'staff',
      format: { integer: 'the development mailbox numbers the outbox rows; it exists for admins only (404 for everyone else), and knowing a number gives nothing without the admin role' },
    },
  },
  'app/(admin)/admin/notices/page.tsx': { url: '/admin/notices', roles: ['admin'] },
  'app/(admin)/admin/notices/new/page.tsx': { url: '/admin/notices/new', roles: ['admin'] },
  'app/(admin)/admin/notices/import/page.tsx': { url: '/admin/notices/import', roles: ['admin'] },
  'app/(admin)/admin/notices/import/[batchId]/page.tsx': { url: '/admin/notices/import/{id}', roles: ['admin'], id: { kind: 'importBatch', ownership: 'staff', format: uuid } },
  'app/(admin)/admin/orders/page.tsx': { url: '/admin/orders', roles: ['admin'] },
  'app/(admin)/admin/regulator/page.tsx': { url: '/admin/regulator', roles: ['admin'] },
  'app/(admin)/admin/sms/page.tsx': { url: '/admin/sms', roles: ['admin'] },
  'app/(admin)/admin/subjects/[id]/page.tsx': { url: '/admin/subjects/{id}', roles: ['admin'], id: { kind: 'subject', ownership: 'staff', format: uuid } },
  'app/(admin)/admin/users/page.tsx': { url: '/admin/users', roles: ['admin'] },
};

/** A v4 UUID as PostgreSQL's gen_random_uuid() makes them: 122 random bits, nothing to count up from. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Path segments that may be numbers in links the portal renders (everything else that looks like an id
 * must be a UUIDv4): the admin-only development mailbox, see its row above.
 */
export const INTEGER_PATHS = [/^\/admin\/mailbox\/\d+$/];

/** Cases the matrix runs: one per viewer per route, two (own and foreign) where the route takes an id. */
export function matrixSize() {
  const rules = Object.values(ROUTE_MATRIX);
  const withId = rules.filter((r) => r.id).length;
  const cases = rules.reduce((n, r) => n + VIEWERS.length * (r.id ? 2 : 1), 0);
  return { routes: rules.length, withId, viewers: VIEWERS.length, cases };
}
