import { expect, test, type APIResponse, type BrowserContext, type Page } from '@playwright/test';
import { png } from '../tests/support/images';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INTEGER_PATHS, ROUTE_MATRIX, UUID_V4, VIEWERS, matrixSize, type Answer, type IdKind, type RouteRule, type Viewer } from '../tests/security/route-matrix';
import { signIn } from './support';

// Pages and route handlers: every page.tsx / route.ts found on disk × anonymous, filer, reviewer,
// admin × an own and a foreign object, against the production build and the seeded demo data. Allowed
// viewers get the page; signed-out visitors are sent to sign-in and back; a signed-in wrong role and another
// filer's object get the same 404 as an id that exists nowhere; a refused GET that could write writes
// nothing. Ids are read from the pages as each user sees them (the server holds the database).

const EMAILS = { filer: 'filer@beian.example', filer2: 'filer2@beian.example', reviewer: 'reviewer@beian.example', admin: 'admin@beian.example' } as const;
type Account = keyof typeof EMAILS;

const ROOT = path.resolve(import.meta.dirname, '..');

/** Every page and route handler under app/, as 'app/…/page.tsx'. */
function routeFiles(dir = 'app'): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return routeFiles(p);
    return /^(page|route)\.(tsx?|jsx?)$/.test(e.name) ? [p] : [];
  });
}

type Variant = 'own' | 'foreign' | 'missing' | 'malformed';
type Ids = Record<IdKind, { own: string; foreign: string }>;

const ctx = {} as Record<Viewer | 'filer2', BrowserContext>;
let ids: Ids;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const MISSING_UUID = randomUUID();

const get = (who: Viewer | 'filer2', url: string) => ctx[who].request.get(url, { maxRedirects: 0 });
async function html(who: Viewer | 'filer2', url: string): Promise<string> {
  const res = await get(who, url);
  expect(res.status(), `${who} ${url}`).toBe(200);
  return res.text();
}
function allMatches(text: string, re: RegExp): string[] {
  return [...new Set([...text.matchAll(new RegExp(re.source, 'g'))].map((m) => m[1]!))];
}
async function firstLinked(who: Viewer | 'filer2', page: string, prefix: string): Promise<string> {
  const found = allMatches(await html(who, page), new RegExp(`href="${prefix}/(${UUID.source})"`));
  expect(found.length, `${who} sees a link ${prefix}/<id> on ${page}`).toBeGreaterThan(0);
  return found[0]!;
}

/**
 * Uploads one image as `who` and returns the material's id. The upload form sits on a rectification page
 * once the filer has chosen a remedy ending in 复核: answer the page's own questions (radio buttons in GET
 * forms, so each answer is a query parameter) until it appears. Nothing but the material is stored (the 复核 itself is not asked for).
 */
async function uploadMaterial(who: 'filer' | 'filer2'): Promise<string> {
  const findings = allMatches(await html(who, '/notices'), new RegExp(`href="/rectifications/(${UUID.source})"`));
  for (const id of findings) {
    const queue = [''];
    for (let n = 0; queue.length && n < 12; n++) {
      const q = queue.shift()!;
      const url = `/rectifications/${id}${q ? `?${q}` : ''}`;
      const page = await html(who, url);
      if (page.includes('证明材料（可选')) {
        const tab = await ctx[who].newPage();
        await tab.goto(url);
        // A well-formed PNG (the upload check walks the chunks, so a bare signature would be refused).
        await tab.getByLabel('证明材料（可选，如新的域名证书、网页截图）').setInputFiles({ name: '路由矩阵.png', mimeType: 'image/png', buffer: png({ size: 210 * 1024 }) });
        const link = tab.getByRole('link', { name: '路由矩阵.png' });
        await expect(link).toBeVisible();
        const href = (await link.getAttribute('href'))!;
        await tab.close();
        return href.match(new RegExp(`^/materials/(${UUID.source})$`))![1]!;
      }
      for (const input of page.match(/<input[^>]*type="radio"[^>]*>/g) ?? []) {
        const name = input.match(/name="([^"]+)"/)?.[1];
        const value = input.match(/value="([^"]+)"/)?.[1];
        if (name && value && !new URLSearchParams(q).has(name)) queue.push(`${q ? `${q}&` : ''}${name}=${encodeURIComponent(value)}`);
      }
    }
  }
  throw new Error(`no rectification page of ${who} offers an upload`);
}

/** An admin page's first link to `prefix`/<id>, or, when there is none yet, the one `create` makes. */
async function existingOrCreated(prefix: string, list: string, create: (page: Page) => Promise<void>): Promise<string> {
  const found = allMatches(await html('admin', list), new RegExp(`href="${prefix}/(${UUID.source})"`));
  if (found[0]) return found[0];
  const tab = await ctx.admin.newPage();
  await create(tab);
  await expect(tab).toHaveURL(new RegExp(`${prefix}/${UUID.source}$`), { timeout: 30_000 });
  const id = new URL(tab.url()).pathname.split('/').pop()!;
  await tab.close();
  return id;
}

/**
 * What could change if a refused GET wrote: each demo filer's orders, and the newest audit event of each
 * signed-in account. Background jobs act as 系统 and move orders between states, which none of this sees.
 */
async function writeFingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const who of ['filer', 'filer2'] as const) {
    const orders = allMatches(await html(who, '/orders'), new RegExp(`href="/orders/(${UUID.source})"`)).sort();
    expect(orders.length, `${who} has orders to count`).toBeGreaterThan(0);
    parts.push(`${who}: ${orders.join(',')}`);
  }
  for (const email of Object.values(EMAILS)) {
    const page = await html('admin', `/admin/audit?actor=${encodeURIComponent(email)}`);
    const body = page.slice(page.indexOf('<tbody'));
    parts.push(`${email}: ${body.slice(0, body.indexOf('</tr>'))}`);
  }
  return parts.join('\n');
}

function fill(url: string, id: string): string {
  return url.replaceAll('{id}', id);
}

function idFor(rule: RouteRule, variant: Variant): string {
  const slot = rule.id!;
  if (variant === 'missing') return slot.format === 'uuid' ? MISSING_UUID : '2147480000';
  if (variant === 'malformed') return slot.format === 'uuid' ? '-'.repeat(36) : 'not-a-number';
  if (slot.ownership === 'staff' && variant === 'foreign') return slot.format === 'uuid' ? randomUUID() : '2147480001';
  return ids[slot.kind][variant];
}

/** What `viewer` must get for `variant` of the route's object (see tests/security/route-matrix.ts). */
function expected(rule: RouteRule, viewer: Viewer, variant: Variant | null, url: string): readonly Answer[] {
  const mayView = rule.roles === 'public' || (viewer !== 'anonymous' && rule.roles.includes(viewer));
  if (!mayView) return viewer === 'anonymous' ? [{ status: 307, location: `/login?callbackUrl=${encodeURIComponent(url)}` }] : [{ status: 404 }];
  if (variant === 'missing' || variant === 'malformed') return [{ status: 404 }];
  // Another filer's object is refused to a filer; staff see every filer's objects, but no missing one.
  if (variant === 'foreign' && (rule.id!.ownership === 'staff' || viewer === 'filer')) return [{ status: 404 }];
  return rule.allowed?.[viewer] ?? [{ status: 200 }];
}

function matches(res: APIResponse, answer: Answer, id: string): boolean {
  if (res.status() !== answer.status) return false;
  if (answer.location === undefined) return true;
  const raw = res.headers()['location'];
  if (!raw) return false;
  const loc = new URL(raw, 'http://x');
  const got = loc.pathname + loc.search;
  return typeof answer.location === 'string' ? got === fill(answer.location, id) : new RegExp(fill(answer.location.source, id)).test(got);
}

/**
 * A 404 body with the per-response nonce and the requested id taken out, and its RSC payload rows in a fixed
 * order, to compare two refusals. Rows stream as their data resolves: a malformed id is refused before any
 * query and a missing one after, so the same rows can arrive in another order (the bytes, not the content).
 */
function normalised(body: string, id: string): string {
  const nonce = body.match(/nonce="([^"]+)"/)?.[1];
  let s = nonce ? body.replaceAll(nonce, 'NONCE') : body;
  // The id as a whole token only: a numeric id must not eat the framework's own row numbers ("$L17").
  if (id) s = s.replace(new RegExp(`(?<![0-9A-Za-z-])${id.replaceAll('-', '\\-')}(?![0-9A-Za-z-])`, 'g'), '{id}');
  const payload: string[] = [];
  const html = s.replace(/<script[^>]*>self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)<\/script>/g, (_, json: string) => {
    payload.push(JSON.parse(json) as string);
    return '';
  });
  return `${html}\n${payload.join('').split('\n').filter(Boolean).sort().join('\n')}`;
}

/** Ids in the links a page renders: UUIDv4 everywhere except the paths the matrix allows numbers in. */
function guessableIds(body: string): string[] {
  const bad: string[] = [];
  for (const [, href] of body.matchAll(/href=\\?"(\/[^"\\#]*)/g)) {
    if (href!.startsWith('/_next/')) continue;
    const [pathname, query = ''] = href!.split('?');
    for (const seg of pathname!.split('/')) {
      if (/^\d+$/.test(seg) && !INTEGER_PATHS.some((re) => re.test(pathname!))) bad.push(href!);
      if (/^[0-9a-f-]{8,}$/i.test(seg) && /\d/.test(seg) && !UUID_V4.test(seg)) bad.push(href!);
    }
    for (const [key, value] of new URLSearchParams(query.replaceAll('&amp;', '&'))) {
      if (UUID.test(value) && !UUID_V4.test(value)) bad.push(href!);
      // A bare number where an object is named (a filter by name or 备案号 is text, not an id).
      if (/^\d+$/.test(value) && ['subject', 'website', 'finding', 'domain', 'material', 'batch', 'run', 'order', 'id'].includes(key)) bad.push(href!);
    }
  }
  return bad;
}

const size = matrixSize();
const summary = `route matrix: ${size.routes} routes × ${size.viewers} roles × own/foreign (${size.withId} routes take an id) = ${size.cases} cases`;
const ran = { cases: 0, probes: 0 }; // since this worker started (a failure restarts it)
let before = '';

test('has a row for every page and route handler, and no stale rows', async ({}, testInfo) => {
  const found = routeFiles().sort();
  expect(found.length).toBeGreaterThan(30);
  expect.soft(found.filter((f) => !(f in ROUTE_MATRIX)), 'routes without a row in tests/security/route-matrix.ts').toEqual([]);
  expect.soft(Object.keys(ROUTE_MATRIX).filter((f) => !found.includes(f)), 'rows whose file is gone').toEqual([]);
  for (const [file, rule] of Object.entries(ROUTE_MATRIX)) {
    // A dynamic segment needs a slot (the catch-all is Auth.js'), and a slot must be used by the URL.
    if (/\[(?!\.\.\.)[^\]]+\]/.test(file)) expect(rule.id, `${file}: a dynamic segment needs an id slot`).toBeDefined();
    expect(!!rule.id, `${file}: an id slot iff the URL takes {id}`).toBe(rule.url.includes('{id}'));
    if (rule.id && rule.id.format !== 'uuid') expect(rule.id.format.integer.length, `${file}: why an integer id`).toBeGreaterThan(20);
  }
  console.log(summary);
  // .ci/test.mjs prints this line at the end of `npm test`.
  mkdirSync(path.join(ROOT, '.data/test-reports'), { recursive: true });
  writeFileSync(path.join(ROOT, '.data/test-reports/route-matrix.json'), JSON.stringify({ summary, ...size }, null, 2));
  await testInfo.attach('route-matrix-size', { body: summary, contentType: 'text/plain' });
  testInfo.annotations.push({ type: 'matrix', description: summary });
});

test.describe('route authorisation matrix', () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    ctx.anonymous = await browser.newContext();
    for (const who of ['filer', 'filer2', 'reviewer', 'admin'] as const satisfies readonly Account[]) {
      ctx[who] = await browser.newContext();
      const page = await ctx[who].newPage();
      await signIn(page, EMAILS[who]);
      await page.close();
    }
    const own = async (page: string, prefix: string) => ({ own: await firstLinked('filer', page, prefix), foreign: await firstLinked('filer2', page, prefix) });
    const subject = await own('/dashboard', '/subjects');
    const order = await own('/orders', '/orders');
    ids = {
      subject,
      order,
      finding: await own('/notices', '/rectifications'),
      material: { own: await uploadMaterial('filer'), foreign: await uploadMaterial('filer2') },
      checkRun: {
        own: await existingOrCreated('/admin/checks', '/admin/checks', async (tab) => {
          await tab.goto('/admin/checks');
          await tab.getByRole('button', { name: '开始核查' }).click();
          await expect(tab.getByText('已完成')).toBeVisible({ timeout: 60_000 });
        }),
        foreign: '',
      },
      importBatch: {
        own: await existingOrCreated('/admin/notices/import', '/admin/notices/import', async (tab) => {
          await tab.goto('/admin/notices/import');
          const csv = '主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限\r\n浙ICP备1999000002号,,,SUBJECT_NAME_MISMATCH,路由矩阵,\r\n';
          await tab.getByLabel('检查结果文件（CSV）').setInputFiles({ name: '路由矩阵.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
          await tab.getByRole('button', { name: '上传并预检' }).click();
        }),
        foreign: '',
      },
      mailMessage: { own: allMatches(await html('admin', '/admin/mailbox'), /href="\/admin\/mailbox\/(\d+)"/)[0] ?? '', foreign: '' },
    };
    expect(ids.mailMessage.own, 'the dev mailbox lists a message').not.toBe('');
    before = await writeFingerprint();
  });

  test.afterAll(async () => {
    for (const c of Object.values(ctx)) await c.close();
  });

  test('identifiers in URLs are UUIDv4, except where the matrix says why not', async () => {
    for (const [kind, v] of Object.entries(ids)) {
      const numeric = Object.values(ROUTE_MATRIX).some((r) => r.id?.kind === kind && r.id.format !== 'uuid');
      for (const id of [v.own, v.foreign].filter(Boolean)) {
        if (numeric) expect(id, `${kind} ids are the justified integers`).toMatch(/^\d+$/);
        else expect(id, `${kind} ids are random UUIDs`).toMatch(UUID_V4);
      }
    }
    // Own and foreign objects of one kind are not neighbours: nothing to count from one to the other.
    expect(ids.subject.own).not.toBe(ids.subject.foreign);
  });

  for (const [file, rule] of Object.entries(ROUTE_MATRIX)) {
    test(`${file} (${rule.url})`, async () => {
      test.setTimeout(180_000);
      const variants: (Variant | null)[] = rule.id ? ['own', 'foreign', 'missing', 'malformed'] : [null];
      type Case = { viewer: Viewer; variant: Variant | null; url: string; id: string; want: readonly Answer[] };
      const cases: Case[] = [];
      for (const viewer of VIEWERS) {
        for (const variant of variants) {
          const id = variant ? idFor(rule, variant) : '';
          const url = fill(rule.url, id);
          cases.push({ viewer, variant, url, id, want: expected(rule, viewer, variant, url) });
        }
      }
      // Refusals first, between two fingerprints when the route can write.
      const refused = (c: Case) => c.want.every((a) => a.status === 404 || a.location?.toString().startsWith('/login'));
      const ordered = [...cases.filter(refused), ...cases.filter((c) => !refused(c))];
      const fingerprint = rule.writes ? await writeFingerprint() : '';
      const bodies = new Map<string, string>();
      let checked = false;
      for (const c of ordered) {
        if (rule.writes && !checked && !refused(c)) {
          expect(await writeFingerprint(), `refused calls to ${rule.url} (${rule.writes}) wrote nothing`).toBe(fingerprint);
          checked = true;
        }
        const res = await get(c.viewer, c.url);
        const label = `${c.viewer} ${c.variant ?? ''} GET ${c.url}`;
        expect(res.status(), `${label}: never a server error`).toBeLessThan(500);
        expect(c.want.some((a) => matches(res, a, c.id)), `${label} → ${res.status()} ${res.headers()['location'] ?? ''}; expected ${JSON.stringify(c.want.map((a) => ({ ...a, location: a.location?.toString() })))}`).toBe(true);
        if (c.variant === 'own' || c.variant === 'foreign' || c.variant === null) ran.cases++;
        else ran.probes++;
        if (res.status() === 404) bodies.set(`${c.viewer} ${c.variant}`, normalised(await res.text(), c.id));
        if (res.status() === 200 && (res.headers()['content-type'] ?? '').includes('text/html')) {
          expect(guessableIds(await res.text()), `${label}: links with guessable ids`).toEqual([]);
        }
      }
      if (rule.writes && !checked) expect(await writeFingerprint(), `refused calls to ${rule.url} wrote nothing`).toBe(fingerprint);
      // A refusal says nothing about the object: another filer's, a missing and a malformed id answer alike.
      for (const viewer of VIEWERS) {
        const missing = bodies.get(`${viewer} missing`);
        if (!missing) continue;
        for (const variant of ['own', 'foreign', 'malformed'] as const) {
          const body = bodies.get(`${viewer} ${variant}`);
          if (body !== undefined) expect(body, `${viewer}: ${variant} object answers exactly like a missing one at ${rule.url}`).toBe(missing);
        }
      }
    });
  }

  test('a malformed page cursor is ignored, not a server error', async () => {
    for (const before of [`1_${'-'.repeat(36)}`, `99999999999999999999_${MISSING_UUID}`, 'x']) {
      expect((await get('admin', `/admin/orders?before=${encodeURIComponent(before)}`)).status(), before).toBe(200);
    }
  });

  test('nothing the matrix requested wrote anything', async () => {
    expect(await writeFingerprint()).toBe(before);
    console.log(`${summary}; ran ${ran.cases} cases + ${ran.probes} missing/malformed-id probes`);
  });
});
