import { WEBSITE_ORDER_TYPES } from '@/lib/orders/steps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import type { Db } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { createDraft, EDITABLE_STATES, saveDraft, submitOrder } from '@/db/orders/drafts';
import { transitionOrder } from '@/db/orders/transition';
import { regulatorDecide, resubmitToRegulator, submitSmsCode } from '@/db/orders/gateway';
import { approveOrder, rejectOrder } from '@/db/review/decide';
import { requestRecheck } from '@/db/rechecks/request';
import { decideRecheck } from '@/db/rechecks/decide';
import { requestExtension } from '@/db/extensions/request';
import { decideExtension } from '@/db/extensions/decide';
import { cancelAccess, listOverdueFilings } from '@/db/cancel-access';
import { issueNotice } from '@/db/notices/issue';
import { runReminders } from '@/db/jobs/reminders';
import { runReviewJobs } from '@/db/jobs/review-jobs';
import { getFindingForOwner } from '@/db/queries/findings';
import { loadDashboard } from '@/db/queries/dashboard';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { planFor, questionsFor, type Answers, type RectificationContext } from '@/lib/rectification/questions';
import { REVIEW_CHECKLIST } from '@/lib/remediation/review-checklist';
import { REQUIRED_MATERIALS } from '@/lib/orders/steps';
import { foreignWords, orderStateExplanation } from '@/lib/orders/state-text';
import { displayStatus } from '@/lib/filings/status';
import { FINDING_CODES, OPEN_ORDER_STATES, type FindingCodeValue, type OrderState, type OrderTypeValue } from '@/lib/domain/codes';
import { PublicError } from '@/lib/errors';
import { setClock } from '@/lib/clock';
import { addDaysIso, todayIso } from '@/lib/time';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { verifyOrderContacts } from '../support/contacts';

const ROLLBACK = Symbol('rollback');

/** Rows of a raw query, whichever driver ran it (postgres.js gives an array, PGlite `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

// A model-based test of the whole lifecycle: random sequences of what filers, reviewers, operators and the
// scheduler do, run against the real server-side functions on a real database, with the global invariants
// checked against the database after every command. On failure fast-check prints the seed, the path and the
// shrunk command list (each command prints itself); replay with MODEL_SEED=<seed> MODEL_PATH=<path>.

const RUNS = Number(process.env.MODEL_RUNS ?? (process.env.CI ? 200 : 25));
const MAX_COMMANDS = Number(process.env.MODEL_MAX_COMMANDS ?? 40);

type Actor = { id: string; role: 'filer' | 'reviewer' | 'admin' };
/** `focus`: the few subjects this run works on, so that flows meet on the same findings and orders. */
type World = { db: Db; now: Date; users: { reviewer: Actor; admin: Actor }; focus: string[]; refusals: string[]; mailsChecked: number };
type Model = { steps: number };
type Cmd = fc.AsyncCommand<Model, World>;

const ALL_ITEMS = REVIEW_CHECKLIST.map((c) => c.id);

/** Orders of the run's subjects (and new filings, which have no subject until approved), in a stable order. */
const ordersIn = (w: World, states: readonly OrderState[]) =>
  w.db.select().from(t.orders).where(and(inArray(t.orders.state, [...states]), or(isNull(t.orders.subjectId), inArray(t.orders.subjectId, w.focus)))).orderBy(t.orders.id);
const findingsIn = async (w: World, statuses?: readonly string[]) =>
  one<{ id: string; owner_id: string }>(
    await w.db.execute(sql`select f.id, s.owner_id from findings f join subjects s on s.id = f.subject_id
      where f.subject_id in (${sql.join(w.focus.map((id) => sql`${id}::uuid`), sql`, `)}) ${statuses ? sql`and f.status in (${sql.join(statuses.map((x) => sql`${x}`), sql`, `)})` : sql``} order by f.id`),
  );

const choose = <T,>(rows: readonly T[], pick: number): T | undefined => (rows.length ? rows[pick % rows.length] : undefined);
const one = <T,>(r: unknown) => rowsOf<T>(r);

/** A refusal the portal shows the user (PublicError) is a legitimate outcome; anything else fails the run. */
async function refusable(w: World, label: string, run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (err) {
    if (err instanceof PublicError) {
      w.refusals.push(`${label}: ${err.message}`);
      return err.message;
    }
    throw err;
  }
}

abstract class Base implements Cmd {
  check = () => true;
  abstract run(m: Model, w: World): Promise<void>;
  abstract toString(): string;
}

// ———————————————————————————————————————— filer ————————————————————————————————————————

/** The filer opens a finding, answers the page's questions, picks an option and starts its first order. */
class StartFromFinding extends Base {
  constructor(readonly pick: number, readonly answers: number[], readonly option: number) { super(); }
  toString = () => `StartFromFinding(${this.pick}, [${this.answers}], ${this.option})`;
  async run(_m: Model, w: World) {
    const rows = await findingsIn(w, ['open', 'in_progress', 'overdue', 'access_cancelled']);
    const f = choose(rows, this.pick);
    if (!f) return;
    const v = (await getFindingForOwner(w.db, f.id, f.owner_id))!;
    const entry = FINDING_CATALOGUE[v.finding.code];
    const reaccess = v.subject.status === 'access_cancelled' || v.website?.status === 'access_cancelled' || v.finding.status === 'access_cancelled';
    const ctx: RectificationContext = {
      finding: v.finding.code,
      scope: entry.scope,
      reaccess,
      objectName: v.website?.name ?? v.subject.name,
      subject: { nature: v.subject.nature, province: v.subject.provinceCode, websiteCount: v.websiteCount },
      website: v.website ? { domainCount: v.domainCount } : undefined,
      openOrder: v.openOrder !== null,
      siteOnly: reaccess && v.subject.status !== 'access_cancelled',
    };
    const a: Answers = {};
    for (let i = 0; i < 4; i++) {
      const q = questionsFor(ctx, a).next;
      if (!q) break;
      (a as Record<string, string>)[q.name] = q.choices[(this.answers[i] ?? 0) % q.choices.length]!.value;
    }
    const options = planFor(ctx, a) ?? [];
    const chosen = choose(options, this.option);
    const step = chosen?.steps.find((s) => s.kind === 'order');
    if (!step || step.kind !== 'order') return;
    // The page links every order step to /orders/new: what it offers must start (or resume the open order).
    const domainId = a.intent === 'retire' && v.domain ? v.domain.id : null;
    // A website order from a subject-level finding: the confirmation page first asks which website (the first here).
    let websiteId = v.website?.id ?? null;
    if (!websiteId && WEBSITE_ORDER_TYPES.has(step.order)) {
      const [site] = await w.db.select({ id: t.websites.id }).from(t.websites).where(and(eq(t.websites.subjectId, v.subject.id), eq(t.websites.status, 'active'))).orderBy(t.websites.icpNumber).limit(1);
      if (!site) return;
      websiteId = site.id;
    }
    try {
      await createDraft(w.db, { ownerId: f.owner_id, type: step.order, subjectId: v.subject.id, websiteId, findingId: v.finding.id, domainId });
    } catch (err) {
      if (!(err instanceof PublicError)) throw err;
      throw new Error(`the rectification page offers ${step.order} (${chosen!.id}) for a ${v.finding.status} finding, but starting it fails: ${err.message}`);
    }
  }
}

/** Edits and saves the draft, attaching the materials the type needs; `stale` saves with an older version. */
class SaveDraft extends Base {
  constructor(readonly pick: number, readonly stale: boolean) { super(); }
  toString = () => `SaveDraft(${this.pick}${this.stale ? ', stale' : ''})`;
  async run(_m: Model, w: World) {
    const o = choose(await ordersIn(w, EDITABLE_STATES), this.pick);
    if (!o) return;
    const payload = edited(o.type, o.payload as Record<string, unknown>);
    const materialIds: string[] = [];
    for (const need of REQUIRED_MATERIALS[o.type] ?? []) {
      const [m] = await w.db.insert(t.materials).values({ ownerId: o.ownerId, kind: need.kind, fileName: `${need.kind}.png`, mime: 'image/png', size: 300_000, sha256: 'a'.repeat(64) }).returning({ id: t.materials.id });
      materialIds.push(m!.id);
    }
    if (this.stale && o.version > 0) {
      const msg = await refusable(w, 'stale save', () => saveDraft(w.db, { ownerId: o.ownerId, orderId: o.id, payload, wizardStep: 9, materialIds, version: o.version - 1 }));
      const [after] = await w.db.select().from(t.orders).where(eq(t.orders.id, o.id));
      expect(msg, 'a save from a stale tab is refused').toMatch(/其他窗口或标签页/);
      expect(after!.payload, 'a stale save overwrites nothing').toEqual(o.payload);
      expect(after!.version).toBe(o.version);
      return;
    }
    await refusable(w, 'save', () => saveDraft(w.db, { ownerId: o.ownerId, orderId: o.id, payload, wizardStep: 3, materialIds, version: o.version }));
  }
}

function edited(type: OrderTypeValue, p: Record<string, unknown>): Record<string, unknown> {
  if (type === 'CANCEL_SUBJECT' || type === 'CANCEL_WEBSITE' || type === 'CANCEL_ACCESS') return { ...p, reason: '不再使用该网站，申请办理', confirmed: true };
  if (type === 'CHANGE_WEBSITE') return { ...p, website: { ...(p.website as object), serviceContent: '企业介绍及产品展示' } };
  return p;
}

/** 提交; `verifyContacts` first confirms the new 负责人 contacts with their codes, as the wizard asks. */
class Submit extends Base {
  constructor(readonly pick: number, readonly verifyContacts = false) { super(); }
  toString = () => `Submit(${this.pick}${this.verifyContacts ? ', contacts verified' : ''})`;
  async run(_m: Model, w: World) {
    const o = choose(await ordersIn(w, EDITABLE_STATES), this.pick);
    if (!o) return;
    if (this.verifyContacts) await refusable(w, 'verify contacts', () => verifyOrderContacts(w.db, o.id));
    await refusable(w, 'submit', () => submitOrder(w.db, { ownerId: o.ownerId, orderId: o.id, expectedState: o.state, version: o.version }));
  }
}

class FilerStop extends Base {
  constructor(readonly pick: number, readonly event: 'withdraw' | 'abandon') { super(); }
  toString = () => `FilerStop(${this.pick}, ${this.event})`;
  async run(_m: Model, w: World) {
    const o = choose(await ordersIn(w, OPEN_ORDER_STATES), this.pick);
    if (!o) return;
    await refusable(w, this.event, () => transitionOrder(w.db, { orderId: o.id, event: this.event, actor: { id: o.ownerId, role: 'filer' }, expectedState: o.state }));
  }
}

class EnterSmsCode extends Base {
  constructor(readonly pick: number, readonly right: boolean) { super(); }
  toString = () => `EnterSmsCode(${this.pick}, ${this.right ? 'right' : 'wrong'})`;
  async run(_m: Model, w: World) {
    const o = choose(await ordersIn(w, ['PENDING_SMS']), this.pick);
    if (!o) return;
    const [sms] = await w.db.select().from(t.outbox).where(and(eq(t.outbox.channel, 'sms'), sql`${t.outbox.data}->>'orderId' = ${o.id}`)).orderBy(desc(t.outbox.id)).limit(1);
    const right = sms?.text.match(/核验码为 (\d{6})/)?.[1] ?? '000000';
    const code = this.right ? right : right === '999999' ? '999998' : '999999';
    await refusable(w, 'sms', () => submitSmsCode(w.db, { orderId: o.id, code, actor: { id: o.ownerId, role: 'filer' } }));
  }
}

class ResubmitToRegulator extends Base {
  constructor(readonly pick: number) { super(); }
  toString = () => `ResubmitToRegulator(${this.pick})`;
  async run(_m: Model, w: World) {
    const o = choose(await ordersIn(w, ['RETURNED']), this.pick);
    if (!o) return;
    await refusable(w, 'resubmit to regulator', () => resubmitToRegulator(w.db, { orderId: o.id, actor: { id: o.ownerId, role: 'filer' } }));
  }
}

class RequestRecheck extends Base {
  constructor(readonly pick: number) { super(); }
  toString = () => `RequestRecheck(${this.pick})`;
  async run(_m: Model, w: World) {
    const f = choose(await findingsIn(w), this.pick);
    if (!f) return;
    await refusable(w, 'recheck', () => requestRecheck(w.db, { findingId: f.id, actor: { id: f.owner_id }, note: '已按要求整改' }));
  }
}

class RequestExtension extends Base {
  constructor(readonly pick: number) { super(); }
  toString = () => `RequestExtension(${this.pick})`;
  async run(_m: Model, w: World) {
    const f = choose(await findingsIn(w), this.pick);
    if (!f) return;
    await refusable(w, 'extension', () => requestExtension(w.db, { findingId: f.id, actor: { id: f.owner_id }, reason: '需要更多时间联系开发人员完成整改' }));
  }
}

// ———————————————————————————————————————— reviewer ————————————————————————————————————————

class Approve extends Base {
  constructor(readonly pick: number, readonly checklist: 'all' | 'reasons' | 'none') { super(); }
  toString = () => `Approve(${this.pick}, ${this.checklist})`;
  async run(_m: Model, w: World) {
    const o = choose(await ordersIn(w, ['SUBMITTED']), this.pick);
    if (!o) return;
    const checklist = this.checklist === 'all' ? ALL_ITEMS : this.checklist === 'reasons' ? ALL_ITEMS.slice(2) : [];
    const unticked = this.checklist === 'reasons' ? Object.fromEntries(ALL_ITEMS.slice(0, 2).map((id) => [id, '不适用于本订单'])) : undefined;
    const msg = await refusable(w, 'approve', () => approveOrder(w.db, { orderId: o.id, actor: w.users.reviewer, checklist, unticked }));
    if (this.checklist === 'none') expect(msg, '初审通过 with nothing ticked is refused').toMatch(/请勾选全部核对项/);
  }
}

class Reject extends Base {
  constructor(readonly pick: number) { super(); }
  toString = () => `Reject(${this.pick})`;
  async run(_m: Model, w: World) {
    const o = choose(await ordersIn(w, ['SUBMITTED']), this.pick);
    if (!o) return;
    await refusable(w, 'reject', () => rejectOrder(w.db, { orderId: o.id, actor: w.users.reviewer, reasons: [{ code: 'PHONE_PROBLEM' }], note: '电话无人接听' }));
  }
}

/** Accept or return a 复核: usually a pending one, sometimes any (a closed one must be refused). */
class DecideRecheck extends Base {
  constructor(readonly pick: number, readonly accept: boolean, readonly anyState: boolean) { super(); }
  toString = () => `DecideRecheck(${this.pick}, ${this.accept ? 'accept' : 'return'}${this.anyState ? ', any' : ''})`;
  async run(_m: Model, w: World) {
    const rows = await w.db
      .select({ id: t.rechecks.id })
      .from(t.rechecks)
      .innerJoin(t.findings, eq(t.findings.id, t.rechecks.findingId))
      .where(and(inArray(t.findings.subjectId, w.focus), this.anyState ? undefined : eq(t.rechecks.state, 'pending')))
      .orderBy(t.rechecks.id);
    const r = choose(rows, this.pick);
    if (!r) return;
    await refusable(w, 'recheck decision', () => decideRecheck(w.db, { recheckId: r.id, actor: w.users.reviewer, decision: this.accept ? 'accept' : 'return', reason: '仍未整改到位' }));
  }
}

// ———————————————————————————————————————— operator ————————————————————————————————————————

class RegulatorDecide extends Base {
  constructor(readonly pick: number, readonly approve: boolean) { super(); }
  toString = () => `RegulatorDecide(${this.pick}, ${this.approve ? 'approve' : 'reject'})`;
  async run(_m: Model, w: World) {
    const o = choose(await ordersIn(w, ['REGULATOR_REVIEW']), this.pick);
    if (!o) return;
    await refusable(w, 'regulator', () => regulatorDecide(w.db, { orderId: o.id, actor: w.users.admin, approve: this.approve, reason: this.approve ? null : '材料不符合要求' }));
  }
}

class DecideExtension extends Base {
  constructor(readonly pick: number, readonly grant: boolean, readonly anyState: boolean) { super(); }
  toString = () => `DecideExtension(${this.pick}, ${this.grant ? 'grant' : 'refuse'}${this.anyState ? ', any' : ''})`;
  async run(_m: Model, w: World) {
    const rows = await w.db
      .select({ id: t.extensionRequests.id, deadline: t.findings.deadline })
      .from(t.extensionRequests)
      .innerJoin(t.findings, eq(t.findings.id, t.extensionRequests.findingId))
      .where(and(inArray(t.findings.subjectId, w.focus), this.anyState ? undefined : eq(t.extensionRequests.state, 'pending')))
      .orderBy(t.extensionRequests.id);
    const r = choose(rows, this.pick);
    if (!r) return;
    const from = r.deadline > todayIso() ? r.deadline : todayIso();
    await refusable(w, 'extension decision', () =>
      decideExtension(w.db, this.grant ? { actor: w.users.admin, requestId: r.id, decision: 'grant', newDeadline: addDaysIso(from, 14) } : { actor: w.users.admin, requestId: r.id, decision: 'refuse', reason: '理由不充分' }),
    );
  }
}

class CancelAccess extends Base {
  constructor(readonly pick: number) { super(); }
  toString = () => `CancelAccess(${this.pick})`;
  async run(_m: Model, w: World) {
    const s = choose((await listOverdueFilings(w.db)).filter((x) => w.focus.includes(x.subjectId)), this.pick);
    if (!s) return;
    await cancelAccess(w.db, { actor: w.users.admin, subjectIds: [s.subjectId], reason: '整改期限已过仍未完成整改' });
  }
}

class IssueNotice extends Base {
  constructor(readonly pick: number, readonly code: number, readonly days: number) { super(); }
  toString = () => `IssueNotice(${this.pick}, ${FINDING_CODES[this.code % FINDING_CODES.length]}, +${this.days}d)`;
  async run(_m: Model, w: World) {
    const s = choose(await w.db.select().from(t.subjects).where(inArray(t.subjects.id, w.focus)).orderBy(t.subjects.id), this.pick);
    if (!s) return;
    const code = FINDING_CODES[this.code % FINDING_CODES.length] as FindingCodeValue;
    const scope = FINDING_CATALOGUE[code].scope;
    const [site] = await w.db.select().from(t.websites).where(and(eq(t.websites.subjectId, s.id), eq(t.websites.status, 'active'))).orderBy(t.websites.id).limit(1);
    const [dom] = site ? await w.db.select().from(t.domains).where(eq(t.domains.websiteId, site.id)).limit(1) : [];
    await refusable(w, 'notice', () =>
      issueNotice(w.db, {
        actor: w.users.admin,
        subjectId: s.id,
        deadline: addDaysIso(todayIso(), this.days),
        findings: [{ code, websiteId: scope === 'website' ? (site?.id ?? null) : null, domainId: scope === 'domain' ? (dom?.id ?? null) : null }],
      }),
    );
  }
}

// ———————————————————————————————————————— system ————————————————————————————————————————

class RunReminders extends Base {
  toString = () => 'RunReminders';
  async run(_m: Model, w: World) {
    await runReminders(w.db, w.now);
  }
}

/** The 24-hour SMS window and the 45-day expiry. */
class RunReviewJobs extends Base {
  toString = () => 'RunReviewJobs';
  async run(_m: Model, w: World) {
    await runReviewJobs(w.db, w.now);
  }
}

class AdvanceClock extends Base {
  constructor(readonly hours: number) { super(); }
  toString = () => `AdvanceClock(${this.hours}h)`;
  async run(_m: Model, w: World) {
    w.now = new Date(w.now.getTime() + this.hours * 3600_000);
  }
}

const pick = fc.nat({ max: 999 });
const commands = [
  fc.tuple(pick, fc.array(fc.nat({ max: 3 }), { minLength: 4, maxLength: 4 }), fc.nat({ max: 3 })).map(([p, a, o]) => new StartFromFinding(p, a, o)),
  fc.tuple(pick, fc.boolean()).map(([p, s]) => new SaveDraft(p, s)),
  pick.map((p) => new Submit(p)),
  pick.map((p) => new Submit(p, true)),
  fc.tuple(pick, fc.constantFrom('withdraw' as const, 'abandon' as const)).map(([p, e]) => new FilerStop(p, e)),
  fc.tuple(pick, fc.boolean()).map(([p, r]) => new EnterSmsCode(p, r)),
  pick.map((p) => new ResubmitToRegulator(p)),
  pick.map((p) => new RequestRecheck(p)),
  pick.map((p) => new RequestExtension(p)),
  fc.tuple(pick, fc.constantFrom('all' as const, 'reasons' as const, 'none' as const)).map(([p, c]) => new Approve(p, c)),
  pick.map((p) => new Reject(p)),
  fc.tuple(pick, fc.boolean(), fc.boolean()).map(([p, a, any]) => new DecideRecheck(p, a, any)),
  fc.tuple(pick, fc.boolean()).map(([p, a]) => new RegulatorDecide(p, a)),
  fc.tuple(pick, fc.boolean(), fc.boolean()).map(([p, g, any]) => new DecideExtension(p, g, any)),
  pick.map((p) => new CancelAccess(p)),
  fc.tuple(pick, fc.nat({ max: FINDING_CODES.length - 1 }), fc.integer({ min: 1, max: 20 })).map(([p, c, d]) => new IssueNotice(p, c, d)),
  fc.constant(new RunReminders()),
  fc.constant(new RunReviewJobs()),
  fc.constantFrom(1, 6, 25, 24 * 3, 24 * 10, 24 * 46).map((h) => new AdvanceClock(h)),
];

// ———————————————————————————————————————— invariants ————————————————————————————————————————

/** Every global invariant, as a list of violations (empty = all hold), read from the database. */
async function violations(w: World): Promise<string[]> {
  const checks: [string, ReturnType<typeof sql>][] = [];
  const q = (name: string, query: ReturnType<typeof sql>) => (checks.push([name, query]), []);
  const today = todayIso();
  const out: string[] = [
    // Orders: the state is the last history row's target, and the history is a contiguous chain from creation.
    ...q('order state ≠ last history row', sql`
      select o.number, o.state, e.to_state from orders o
      join lateral (select to_state from order_events where order_id = o.id order by id desc limit 1) e on true
      where e.to_state <> o.state`),
    ...q('order without history', sql`select o.number from orders o where not exists (select 1 from order_events e where e.order_id = o.id)`),
    ...q('history not a chain', sql`
      select o.number, e.id, e.from_state, e.prev from orders o join (
        select order_id, id, from_state, lag(to_state) over (partition by order_id order by id) as prev from order_events) e on e.order_id = o.id
      where e.from_state is distinct from e.prev`),
    // At most one open order per subject (the operator's momentary 取消接入 draft included).
    ...q('two open orders on a subject', sql`
      select subject_id, count(*)::int as n from orders where state in ('DRAFT','SUBMITTED','FIRST_REVIEW_REJECTED','PENDING_SMS','REGULATOR_REVIEW','REGULATOR_REJECTED','RETURNED')
      group by subject_id having count(*) > 1`),
    // A closed finding has nothing pending.
    ...q('pending 复核 on a closed finding', sql`
      select r.id, f.status from rechecks r join findings f on f.id = r.finding_id where r.state = 'pending' and f.status not in ('open','in_progress','overdue')`),
    ...q('pending 延期 on a closed finding', sql`
      select x.id, f.status from extension_requests x join findings f on f.id = x.finding_id where x.state = 'pending' and f.status not in ('open','in_progress','overdue')`),
    // A finding's status agrees with its orders and 复核: in progress exactly while something works on it.
    ...q('finding in progress with nothing working on it', sql`
      select f.id, f.code from findings f where f.status = 'in_progress'
        and not exists (select 1 from rechecks r where r.finding_id = f.id and r.state = 'pending')
        and not exists (select 1 from order_findings of2 join orders o on o.id = of2.order_id where of2.finding_id = f.id and o.state in ('DRAFT','SUBMITTED','FIRST_REVIEW_REJECTED','PENDING_SMS','REGULATOR_REVIEW','REGULATOR_REJECTED','RETURNED'))`),
    ...q('finding open while something works on it', sql`
      select f.id, f.code from findings f where f.status = 'open'
        and (exists (select 1 from rechecks r where r.finding_id = f.id and r.state = 'pending')
          or exists (select 1 from order_findings of2 join orders o on o.id = of2.order_id where of2.finding_id = f.id and o.state in ('SUBMITTED','FIRST_REVIEW_REJECTED','PENDING_SMS','REGULATOR_REVIEW','REGULATOR_REJECTED','RETURNED')))`),
    ...q('finding unresolved though its order was approved', sql`
      select f.id, o.number, o.type from findings f join order_findings of2 on of2.finding_id = f.id join orders o on o.id = of2.order_id
      where o.state = 'APPROVED' and o.type <> 'ACCESS_FILING' and f.status in ('open','in_progress','overdue')
        and o.updated_at >= f.created_at`),
    ...q('resolved finding without resolvedAt', sql`select id from findings where status = 'resolved' and resolved_at is null`),
    ...q('overdue finding before its deadline', sql`select id, deadline from findings where status = 'overdue' and deadline >= ${today}`),
    // 已取消接入 agrees everywhere: an access-cancelled filing has nothing open, and a finding waiting as
    // access_cancelled belongs to a subject or website whose access is cancelled.
    ...q('open finding on an access-cancelled filing', sql`
      select f.id, f.status from findings f join subjects s on s.id = f.subject_id left join websites w on w.id = f.website_id
      where f.status in ('open','in_progress','overdue') and (s.status = 'access_cancelled' or w.status = 'access_cancelled')`),
    ...q('access_cancelled finding on a filing with access', sql`
      select f.id from findings f join subjects s on s.id = f.subject_id left join websites w on w.id = f.website_id
      where f.status = 'access_cancelled' and s.status <> 'access_cancelled' and coalesce(w.status, 'active') <> 'access_cancelled'`),
    ...q('access-cancelled subject with an active website', sql`
      select s.id from subjects s join websites w on w.subject_id = s.id where s.status = 'access_cancelled' and w.status = 'active'`),
    // No mail about something already closed: a 复核 decision mail is only about an open finding's 复核, and no
    // 延期 decision is sent for a closed request.
    ...q('复核 decision on a closed finding', sql`
      select a.entity_id, a.details->>'findingStatus' as status from audit_events a
      where a.action in ('recheck.return', 'recheck.accept') and a.details->>'findingStatus' = 'access_cancelled'
         or a.action = 'recheck.return' and a.details->>'findingStatus' = 'resolved'`),
    ...q('延期 decision mail for a request not so decided', sql`
      select m.id, m.template, x.state from outbox m join extension_requests x on x.id::text = m.data->>'requestId'
      where (m.template = 'extension.granted' and x.state <> 'granted') or (m.template = 'extension.refused' and x.state <> 'refused')`),
  ];
  // One round trip for all of them: each rule's violating rows, as JSON, labelled with the rule.
  const union = sql.join(checks.map(([name, query]) => sql`select ${name}::text as rule, row_to_json(x)::text as detail from (${query}) x`), sql` union all `);
  for (const r of one<{ rule: string; detail: string }>(await w.db.execute(union))) out.push(`${r.rule}: ${r.detail}`);

  // Every state text shown (order page) and mailed fits the order's type.
  const orders = await w.db.select({ id: t.orders.id, number: t.orders.number, type: t.orders.type, state: t.orders.state }).from(t.orders);
  for (const o of orders) {
    for (const word of foreignWords(o.type)) if (orderStateExplanation(o.type, o.state).includes(word)) out.push(`state text of ${o.number} (${o.type} ${o.state}) mentions ${word}`);
  }
  const types = new Map(orders.map((o) => [o.id, o.type]));
  // Mails are checked once, when new.
  const orderMails = await w.db
    .select({ id: t.outbox.id, text: t.outbox.text, data: t.outbox.data, template: t.outbox.template })
    .from(t.outbox)
    .where(and(sql`${t.outbox.template} like 'order.%'`, sql`${t.outbox.id} > ${w.mailsChecked}`));
  for (const m of orderMails) {
    w.mailsChecked = Math.max(w.mailsChecked, m.id);
    const type = types.get((m.data as { orderId?: string } | null)?.orderId ?? '');
    if (!type) continue;
    for (const word of foreignWords(type)) if (m.text.includes(word)) out.push(`mail ${m.template} about a ${type} order mentions ${word}`);
  }

  // The dashboard's counts equal the database's, and an access-cancelled filing is shown as 已取消接入.
  const counts = one<{ id: string; findings: number; orders: number }>(await w.db.execute(sql`
    select u.id,
      (select count(*)::int from findings f join subjects s on s.id = f.subject_id where s.owner_id = u.id and f.status in ('open','in_progress','overdue')) as findings,
      (select count(distinct o.subject_id)::int from orders o join subjects s on s.id = o.subject_id where s.owner_id = u.id
         and o.state in ('DRAFT','SUBMITTED','FIRST_REVIEW_REJECTED','PENDING_SMS','REGULATOR_REVIEW','REGULATOR_REJECTED','RETURNED')) as orders
    from users u where exists (select 1 from subjects s where s.owner_id = u.id)`));
  for (const db of counts) {
    const id = db.id;
    const filings = await loadDashboard(w.db, id);
    const openFindings = filings.reduce((n, s) => n + s.findings.filter((f) => f.status !== 'access_cancelled').length, 0);
    const openOrders = filings.filter((s) => s.openOrder).length;
    if (openFindings !== db!.findings) out.push(`dashboard of ${id} counts ${openFindings} open findings, the database ${db!.findings}`);
    if (openOrders !== db!.orders) out.push(`dashboard of ${id} counts ${openOrders} open orders, the database ${db!.orders}`);
    for (const s of filings) {
      if (s.status === 'access_cancelled' && displayStatus(s.status, s.findings) !== 'access_cancelled') out.push(`subject ${s.icpNumber} is access-cancelled but not shown so`);
      for (const site of s.websites) {
        if (site.status === 'access_cancelled' && displayStatus(site.status, s.findings.filter((f) => f.websiteId === site.id)) !== 'access_cancelled') out.push(`website ${site.icpNumber} is access-cancelled but not shown so`);
      }
    }
  }
  return out;
}

describe.each(TEST_TARGETS)('the whole lifecycle, model-based, on %s', (target) => {
  let h: TestDb;
  let users: World['users'];
  let subjects: { id: string; name: string; toString(): string }[];
  let base: Date;
  beforeAll(async () => {
    h = await freshDb(target);
    base = new Date();
    await seedDemo(h.db, { quiet: true, now: base });
    const rows = await h.db.select().from(t.users);
    const by = (email: string) => rows.find((u) => u.email === email)!;
    subjects = (await h.db.select({ id: t.subjects.id, name: t.subjects.name }).from(t.subjects).orderBy(t.subjects.icpNumber)).map((x) => ({ ...x, toString: () => x.name }));
    users = { reviewer: { id: by('reviewer@beian.example').id, role: 'reviewer' }, admin: { id: by('admin@beian.example').id, role: 'admin' } };
  }, 600_000);
  afterAll(async () => {
    setClock(null);
    await h?.close();
  });

  it(`${RUNS} random sequences of up to ${MAX_COMMANDS} commands keep every invariant`, async () => {
    let world: World | undefined;
    const focusArb = fc.uniqueArray(fc.nat({ max: subjects.length - 1 }), { minLength: 1, maxLength: 2 }).map((ix) => ix.map((i) => subjects[i]!));
    const property = fc.asyncProperty(focusArb, fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'medium' }), async (focus, cmds) => {
      const t0 = performance.now();
      // Each run works inside one transaction on the seeded database and rolls it back at the end: every run
      // starts from the same data without migrating or seeding again (the functions' own transactions nest
      // as savepoints, so a refused command still undoes exactly its own writes).
      await h.db
        .transaction(async (tx) => {
          const w: World = { db: tx as unknown as Db, now: new Date(base.getTime() + 60_000), users, focus: focus.map((f) => f.id), refusals: [], mailsChecked: 0 };
          world = w;
          setClock(() => w.now);
          const checked = [...cmds].map((c) => new Checked(c as unknown as Base));
          await fc.asyncModelRun(() => ({ model: { steps: 0 }, real: w }), checked);
          if (process.env.MODEL_TIMING) console.log(`${checked.length} commands ${(performance.now() - t0).toFixed(0)}ms`);
          throw ROLLBACK;
        })
        .catch((err) => {
          if (err !== ROLLBACK) throw err;
        });
    });
    await fc.assert(property, {
      numRuns: RUNS,
      seed: process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : undefined,
      path: process.env.MODEL_PATH,
      endOnFailure: process.env.MODEL_SHRINK === '0',
      verbose: 1,
    });
    expect(world).toBeDefined();
  }, 3_600_000);
});

/** Runs a command, then checks every invariant; the command's name labels any violation. */
class Checked implements Cmd {
  constructor(readonly cmd: Base) {}
  check = () => true;
  toString = () => this.cmd.toString();
  async run(m: Model, w: World) {
    await this.cmd.run(m, w);
    m.steps++;
    const broken = await violations(w);
    if (broken.length) throw new Error(`after ${this.cmd} (step ${m.steps}, clock ${w.now.toISOString()}):\n  ${broken.join('\n  ')}`);
  }
}
