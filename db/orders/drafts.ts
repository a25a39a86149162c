import 'server-only';
import { newOrderNumber } from '@/lib/orders/number';
import { UUID_PATTERN } from '@/lib/domain/ids';
import { and, asc, eq, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { attachMaterials } from '../materials/store';
import { transitionOrder, type OrderRow } from './transition';
import { ConflictError, NotFoundError, PublicError } from '@/lib/errors';
import { EDITABLE_ORDER_STATES, OPEN_ORDER_STATES, type OrderState, type OrderTypeValue } from '@/lib/domain/codes';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { STALE_ORDER_MESSAGE } from '@/lib/orders/version';
import type { OrderPayload, PrincipalData } from '@/lib/orders/payload';
import { prefillPayload, type FilingSnapshot } from '@/lib/orders/prefill';
import { invariantViolation } from '@/lib/orders/invariants';
import { validateSteps, type MaterialRef, type WizardContext } from '@/lib/orders/schemas';
import { WEBSITE_ORDER_TYPES, WIZARD_STEPS } from '@/lib/orders/steps';
import { todayIso } from '@/lib/time';
import { getProvince } from '@/lib/rules/provinces';
import { byIcpNumber } from '@/lib/filings/sort';
import { now as clockNow } from '@/lib/clock';
import { writeAudit } from '../audit';
import { currentFilingFor } from '../queries/review-order';
import { unverifiedContactsError } from '../contacts/verification';
import type { CurrentFiling } from '@/lib/orders/diff';

/** States in which the filer may edit the order's data (the wizard is open). */
export const EDITABLE_STATES = EDITABLE_ORDER_STATES;
export const isEditable = (s: OrderState) => (EDITABLE_STATES as readonly string[]).includes(s);

const UUID = UUID_PATTERN;

/** The order, only when it belongs to `ownerId`; anything else is a 404 (nothing about it leaks). */
export async function getOrderForOwner(tx: Tx, orderId: string, ownerId: string): Promise<OrderRow> {
  if (!UUID.test(orderId)) throw new NotFoundError();
  const [order] = await tx.select().from(t.orders).where(and(eq(t.orders.id, orderId), eq(t.orders.ownerId, ownerId)));
  if (!order) throw new NotFoundError();
  return order;
}

const principalData = (p: typeof t.principals.$inferSelect): PrincipalData & { id: string } => ({
  id: p.id, name: p.name, idType: p.idType, idNumber: p.idNumber, idValidUntil: p.idValidUntil, mobile: p.mobile,
  landline: p.landline, emergencyMobile: p.emergencyMobile, email: p.email,
});

/** What is filed now for one subject: its data, principal, and active websites with domains and IPs. */
export async function loadSnapshot(tx: Tx, subjectId: string): Promise<FilingSnapshot & { status: string; ownerId: string }> {
  const [s] = await tx.select().from(t.subjects).where(eq(t.subjects.id, subjectId));
  if (!s) throw new NotFoundError();
  const sites = byIcpNumber(await tx.select().from(t.websites).where(and(eq(t.websites.subjectId, subjectId), ne(t.websites.status, 'cancelled'))));
  const siteIds = sites.map((w) => w.id);
  const people = await tx.select().from(t.principals).where(inArray(t.principals.id, [s.principalId, ...sites.map((w) => w.principalId)]));
  const domains = siteIds.length ? await tx.select().from(t.domains).where(and(inArray(t.domains.websiteId, siteIds), isNull(t.domains.removedAt))).orderBy(asc(t.domains.createdAt), asc(t.domains.name)) : [];
  // The latest access record (active, or the one cancelled with the access) holds the filed IPs.
  const access = siteIds.length ? await tx.select().from(t.accessRecords).where(inArray(t.accessRecords.websiteId, siteIds)).orderBy(asc(t.accessRecords.createdAt)) : [];
  const person = (id: string) => {
    const { id: _id, ...p } = principalData(people.find((x) => x.id === id)!);
    return p;
  };
  return {
    status: s.status,
    ownerId: s.ownerId,
    subject: { name: s.name, nature: s.nature, certType: s.certType, certNumber: s.certNumber, certAddress: s.certAddress, provinceCode: s.provinceCode, mailingAddress: s.mailingAddress, legalRepName: s.legalRepName },
    principal: person(s.principalId),
    websites: sites.map((w) => ({
      id: w.id,
      name: w.name,
      serviceContent: w.serviceContent,
      principal: person(w.principalId),
      domains: domains.filter((d) => d.websiteId === w.id).map((d) => ({ id: d.id, name: d.name, registrantName: d.registrantName, registrantIdType: d.registrantIdType, registrantIdNumber: d.registrantIdNumber, expiresOn: d.expiresOn })),
      ips: access.filter((a) => a.websiteId === w.id).at(-1)?.ips ?? [],
    })),
  };
}

export type CreateDraftInput = {
  ownerId: string;
  type: OrderTypeValue;
  subjectId: string;
  websiteId?: string | null;
  findingId?: string | null;
  domainId?: string | null;
};

function isUniqueViolation(err: unknown): boolean {
  let e = err as { code?: string; cause?: unknown } | undefined;
  for (let i = 0; i < 4 && e; i++) {
    if (e.code === '23505') return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** What starting an order would do, checked: the subject, site and finding it concerns, or the open order it resumes. */
export type DraftPlan = {
  subject: typeof t.subjects.$inferSelect;
  website: { id: string; name: string } | null;
  finding: typeof t.findings.$inferSelect | null;
  domain: { id: string; name: string } | null;
  /** The subject's open order: starting resumes it instead of creating a second. */
  openOrderId: string | null;
  snapshot: Awaited<ReturnType<typeof loadSnapshot>> | null;
};

/** A website order whose link names neither a website nor a finding about one: the filer picks the site. */
export class WebsiteChoiceNeeded extends PublicError {
  constructor() {
    super('请先选择要办理的网站。');
  }
}

/**
 * Every check of starting an order, without writing: ownership (anything not the filer's is a NotFoundError),
 * the subject's open order, and whether this type may start from the filing's state (a PublicError in
 * Chinese). The confirmation page shows the result; createDraft acts on it.
 */
export async function planDraft(db: Db, input: CreateDraftInput): Promise<DraftPlan> {
  if (!UUID.test(input.subjectId) || (input.websiteId && !UUID.test(input.websiteId)) || (input.findingId && !UUID.test(input.findingId)) || (input.domainId && !UUID.test(input.domainId))) {
    throw new NotFoundError();
  }
  const [subject] = await db.select().from(t.subjects).where(and(eq(t.subjects.id, input.subjectId), eq(t.subjects.ownerId, input.ownerId)));
  if (!subject) throw new NotFoundError();
  let finding: typeof t.findings.$inferSelect | undefined;
  if (input.findingId) {
    [finding] = await db.select().from(t.findings).where(and(eq(t.findings.id, input.findingId), eq(t.findings.subjectId, subject.id)));
    if (!finding) throw new NotFoundError();
  }
  const snap = await loadSnapshot(db, subject.id);
  const websiteId = input.websiteId ?? finding?.websiteId ?? null;
  const site = websiteId ? snap.websites.find((w) => w.id === websiteId) : undefined;
  if (websiteId && !site) throw new NotFoundError();
  const domainId = input.domainId ?? finding?.domainId ?? null;
  const domain = domainId ? (site?.domains.find((d) => d.id === domainId) ?? null) : null;
  const open = await findOpenOrder(db, input, subject.id);
  const plan: DraftPlan = { subject, website: site ? { id: site.id, name: site.name } : null, finding: finding ?? null, domain: domain ? { id: domain.id, name: domain.name } : null, openOrderId: open, snapshot: snap };
  if (open) return plan;
  const first = input.type === 'FIRST_FILING';
  if (WEBSITE_ORDER_TYPES.has(input.type) && !websiteId) throw new WebsiteChoiceNeeded();
  const reaccess = input.type === 'ACCESS_FILING' || first;
  if (subject.status === 'cancelled') throw new PublicError('该主体备案已注销，不能再办理此业务。');
  // 接入备案 restores a subject whose access was cancelled, or one website cancelled on its own.
  const siteCancelled = input.type === 'ACCESS_FILING' && websiteId !== null && (await websiteStatus(db, websiteId)) === 'access_cancelled';
  if (reaccess && subject.status !== 'access_cancelled' && !siteCancelled) throw new PublicError('只有已取消接入的备案才需要办理接入备案或重新首次备案。');
  if (input.type === 'CANCEL_ACCESS' && subject.status !== 'active') throw new PublicError('该备案已取消接入。');
  return plan;
}

/**
 * Starts an order prefilled from the filing, or returns the subject's open order (at most one per subject;
 * the partial unique index settles two tabs racing). `existing: true` = nothing was created. Only ever
 * called from a POST (the confirmation page's server action): a link or a crawler cannot create one.
 */
export async function createDraft(db: Db, input: CreateDraftInput): Promise<{ orderId: string; existing: boolean }> {
  const plan = await planDraft(db, input);
  if (plan.openOrderId) return { orderId: plan.openOrderId, existing: true };
  const { subject, finding } = plan;
  const snap = plan.snapshot!;
  const first = input.type === 'FIRST_FILING';
  const websiteId = plan.website?.id ?? null;
  const payload = prefillPayload(input.type, snap, { websiteId, domainId: input.domainId ?? finding?.domainId ?? null });
  try {
    return await db.transaction(async (tx) => {
      const [order] = await tx
        .insert(t.orders)
        .values({
          number: newOrderNumber(),
          type: input.type,
          ownerId: input.ownerId,
          // 首次备案 creates a new subject when approved; the cancelled one only lends its data.
          subjectId: first ? null : subject.id,
          websiteId: first ? null : websiteId,
          provinceCode: subject.provinceCode,
          payload,
        })
        .returning({ id: t.orders.id });
      if (finding) await tx.insert(t.orderFindings).values({ orderId: order!.id, findingId: finding.id });
      // The one history row written outside transitionOrder: it creates the order rather than moving it.
      await tx.insert(t.orderEvents).values({ orderId: order!.id, actorId: input.ownerId, event: 'create', fromState: null, toState: 'DRAFT' });
      await writeAudit(tx, { actorId: input.ownerId, action: 'order.create', entityType: 'order', entityId: order!.id, subjectId: subject.id, details: { type: input.type, findingId: finding?.id ?? null } });
      return { orderId: order!.id, existing: false };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const again = await findOpenOrder(db, input, subject.id);
    if (again) return { orderId: again, existing: true };
    throw err;
  }
}

async function websiteStatus(db: Db, websiteId: string): Promise<string | undefined> {
  const [row] = await db.select({ status: t.websites.status }).from(t.websites).where(eq(t.websites.id, websiteId));
  return row?.status;
}

async function findOpenOrder(db: Db, input: CreateDraftInput, subjectId: string): Promise<string | null> {
  if (input.type === 'FIRST_FILING') {
    const [row] = await db
      .select({ id: t.orders.id })
      .from(t.orders)
      .where(and(eq(t.orders.ownerId, input.ownerId), eq(t.orders.type, 'FIRST_FILING'), isNull(t.orders.subjectId), inArray(t.orders.state, [...OPEN_ORDER_STATES]), sql`${t.orders.payload}->'subject'->>'certNumber' = (select cert_number from subjects where id = ${subjectId})`));
    return row?.id ?? null;
  }
  const [row] = await db.select({ id: t.orders.id }).from(t.orders).where(and(eq(t.orders.subjectId, subjectId), inArray(t.orders.state, [...OPEN_ORDER_STATES])));
  return row?.id ?? null;
}

/** The rules' view of the filing an order changes (see lib/orders/schemas.ts WizardContext). */
export async function wizardContextFor(tx: Tx, order: OrderRow): Promise<{ ctx: WizardContext; snap: FilingSnapshot | null }> {
  const p = order.payload as OrderPayload;
  const today = todayIso();
  if (!order.subjectId) {
    const subject = p.type === 'FIRST_FILING' ? p.subject : null;
    // A 首次备案 files in the province the filer chose for the current certificate (001 2.3 跨省备案).
    const provinceCode = subject && getProvince(subject.provinceCode) ? subject.provinceCode : order.provinceCode;
    return { ctx: { type: order.type, provinceCode, nature: subject?.nature ?? 'enterprise', legalRepName: subject?.legalRepName ?? null, domains: [], otherPrincipals: [], today }, snap: null };
  }
  const snap = await loadSnapshot(tx, order.subjectId);
  const site = snap.websites.find((w) => w.id === order.websiteId);
  const editsSubjectPrincipal = order.type === 'CHANGE_SUBJECT';
  const others = [
    ...(editsSubjectPrincipal ? [] : [snap.principal]),
    ...snap.websites.filter((w) => !(order.type === 'CHANGE_WEBSITE' && w.id === order.websiteId)).map((w) => w.principal),
  ];
  return {
    ctx: {
      type: order.type,
      provinceCode: order.provinceCode,
      nature: snap.subject.nature,
      legalRepName: snap.subject.legalRepName ?? null,
      domains: (site?.domains ?? []).map((d) => ({ id: d.id, name: d.name })),
      otherPrincipals: others.map((x) => ({ idNumber: x.idNumber, mobile: x.mobile, email: x.email })),
      today,
      ...(snap.subject.nature === 'personal' ? { filedPerson: { name: snap.subject.name, idNumber: snap.subject.certNumber } } : {}),
    },
    snap,
  };
}

export async function materialsOf(tx: Tx, orderId: string): Promise<MaterialRef[]> {
  const rows = await tx.select({ id: t.materials.id, kind: t.materials.kind, fileName: t.materials.fileName }).from(t.materials).where(eq(t.materials.orderId, orderId)).orderBy(asc(t.materials.createdAt));
  return rows;
}

async function activeDomainIds(tx: Tx, websiteId: string | null): Promise<string[]> {
  if (!websiteId) return [];
  const rows = await tx.select({ id: t.domains.id }).from(t.domains).where(and(eq(t.domains.websiteId, websiteId), isNull(t.domains.removedAt)));
  return rows.map((r) => r.id);
}

const FILED_DOMAIN_MESSAGE = '填写的域名已经备案，请按提示修改。';

/**
 * The domains of a 新增网站 that are filed already, as field errors at each domain's input: the active domains
 * of every website not cancelled (the 管局 refuses a second filing of one domain, and the index on active
 * names would refuse it at approval). Another subject's filing is not named; one of the filer's own is.
 */
export async function filedDomainErrors(tx: Tx, order: Pick<OrderRow, 'type' | 'subjectId'>, payload: unknown): Promise<Record<string, string[]> | null> {
  const p = payload as Partial<OrderPayload> | null;
  if (order.type !== 'NEW_WEBSITE' || !p || p.type !== 'NEW_WEBSITE' || !Array.isArray(p.website?.domains)) return null;
  const key = (name: unknown) => (typeof name === 'string' ? name.trim().toLowerCase() : '');
  const names = [...new Set(p.website.domains.map((d) => key(d?.name)).filter(Boolean))];
  if (names.length === 0) return null;
  const rows = await tx
    .select({ name: sql<string>`lower(${t.domains.name})`, subjectId: t.websites.subjectId, site: t.websites.name, icpNumber: t.websites.icpNumber })
    .from(t.domains)
    .innerJoin(t.websites, eq(t.websites.id, t.domains.websiteId))
    .where(and(isNull(t.domains.removedAt), ne(t.websites.status, 'cancelled'), inArray(sql`lower(${t.domains.name})`, names)));
  const errors: Record<string, string[]> = {};
  p.website.domains.forEach((d, i) => {
    const hit = rows.find((r) => r.name === key(d?.name));
    if (!hit) return;
    errors[`website.domains.${i}.name`] = [
      hit.subjectId === order.subjectId
        ? `该域名已在本主体的网站“${hit.site}”（${hit.icpNumber}）中备案，不能重复备案；如需修改该网站的信息，请办理变更网站`
        : '该域名已在其他备案主体下备案，不能重复备案。如域名已归您所有，请先由原备案主体注销该网站或在变更网站中删除该域名，再新增网站',
    ];
  });
  return Object.keys(errors).length ? errors : null;
}

/**
 * A 首次备案 goes to the province the filer chose (that of the current certificate), so the order's own
 * province — which the 初审 queue filters on and whose rules the reviewer sees — follows the payload.
 */
function firstFilingProvince(payload: unknown): string | null {
  const p = payload as Partial<OrderPayload> | null;
  return p && p.type === 'FIRST_FILING' && 'subject' in p && p.subject ? p.subject.provinceCode : null;
}

/**
 * Saves the wizard's payload and step, only while the order is editable (a submitted order is never
 * rewritten by a stale tab), refusing any payload that breaks an invariant. The materials listed are
 * attached to the order; ones removed from the list are detached.
 */
export async function saveDraft(
  db: Db,
  input: { ownerId: string; orderId: string; payload: unknown; wizardStep: number; materialIds?: string[]; version?: number; completedStep?: number },
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const order = await getOrderForOwner(tx, input.orderId, input.ownerId);
    if (!isEditable(order.state)) throw new ConflictError(`订单当前状态为“${ORDER_STATE_LABELS[order.state]}”，不能再修改。`);
    if (input.version !== undefined && input.version !== order.version) throw new ConflictError(STALE_ORDER_MESSAGE);
    const violation = invariantViolation(input.payload, { type: order.type, provinceCode: order.provinceCode, activeDomainIds: await activeDomainIds(tx, order.websiteId) });
    if (violation) throw new PublicError(violation);
    // The domains are checked against the filings once their step is done (by default: on every save).
    const domainStep = WIZARD_STEPS[order.type].indexOf('newDomains');
    if (domainStep >= 0 && (input.completedStep ?? domainStep) >= domainStep) {
      const filed = await filedDomainErrors(tx, order, input.payload);
      if (filed) throw new PublicError(FILED_DOMAIN_MESSAGE, filed);
    }
    const [saved] = await tx
      .update(t.orders)
      .set({ payload: input.payload as OrderPayload, wizardStep: Math.max(0, Math.floor(input.wizardStep)), updatedAt: clockNow(), version: order.version + 1, provinceCode: firstFilingProvince(input.payload) ?? order.provinceCode })
      // Conditional on the version read: of two tabs saving at once, the second finds it moved.
      .where(and(eq(t.orders.id, order.id), inArray(t.orders.state, [...EDITABLE_STATES]), eq(t.orders.version, order.version)))
      .returning({ id: t.orders.id, version: t.orders.version });
    if (!saved) throw new ConflictError(STALE_ORDER_MESSAGE);
    if (input.materialIds) {
      await attachMaterials(tx, input.ownerId, order.id, input.materialIds);
      const keep = input.materialIds.length ? notInArray(t.materials.id, input.materialIds) : sql`true`;
      await tx.update(t.materials).set({ orderId: null }).where(and(eq(t.materials.orderId, order.id), eq(t.materials.ownerId, input.ownerId), keep));
    }
    return { version: saved.version };
  });
}

/**
 * 提交 / 修改后重新提交: the whole payload is checked with every step's schema first; then the one
 * transition function moves the order (a second tab gets a ConflictError, never a second move).
 */
export async function submitOrder(db: Db, input: { ownerId: string; orderId: string; expectedState: OrderState; version?: number }): Promise<OrderRow> {
  const order = await getOrderForOwner(db, input.orderId, input.ownerId);
  if (order.state !== input.expectedState) {
    return transitionOrder(db, { orderId: order.id, event: 'submit', actor: { id: input.ownerId, role: 'filer' }, expectedState: input.expectedState });
  }
  if (input.version !== undefined && input.version !== order.version) throw new ConflictError(STALE_ORDER_MESSAGE);
  const { ctx } = await wizardContextFor(db, order);
  const checked = validateSteps(ctx, { ...(order.payload as object), materials: await materialsOf(db, order.id) });
  if (!checked.ok) throw new PublicError('订单信息不完整或有误，请点击“继续填写”按提示修改后再提交。', checked.fieldErrors);
  const filed = await filedDomainErrors(db, order, order.payload);
  if (filed) throw new PublicError(FILED_DOMAIN_MESSAGE, filed);
  const violation = invariantViolation(order.payload, { type: order.type, provinceCode: order.provinceCode, activeDomainIds: await activeDomainIds(db, order.websiteId) });
  if (violation) throw new PublicError(violation);
  // A new or changed 负责人 mobile / e-mail must have been confirmed with a code (db/contacts/verification.ts).
  const unverified = await unverifiedContactsError(db, order);
  if (unverified) throw unverified;
  return transitionOrder(db, {
    orderId: order.id,
    event: order.state === 'DRAFT' ? 'submit' : 'resubmit',
    actor: { id: input.ownerId, role: 'filer' },
    expectedState: input.expectedState,
    // Validated above at this version: a save in between (another tab) makes this submit stale.
    expectedVersion: order.version,
  });
}

/**
 * The materials among `ids` that may be on this order: the owner's loose uploads and the ones already on it
 * (anything else, such as evidence on another order or on a 复核, is silently dropped: not theirs to attach).
 */
export async function ownedMaterials(tx: Tx, ownerId: string, orderId: string, ids: string[]): Promise<MaterialRef[]> {
  const valid = ids.filter((id) => UUID.test(id));
  if (!valid.length) return [];
  return tx
    .select({ id: t.materials.id, kind: t.materials.kind, fileName: t.materials.fileName })
    .from(t.materials)
    .where(and(eq(t.materials.ownerId, ownerId), inArray(t.materials.id, valid), isNull(t.materials.recheckId), or(isNull(t.materials.orderId), eq(t.materials.orderId, orderId))));
}

/**
 * What the filer's review compares with: the filing as it stands, read exactly as the reviewer's order page
 * reads it (currentFilingFor), so lib/orders/diff.ts gives both the same rows.
 */
export async function reviewBasis(tx: Tx, order: OrderRow): Promise<{ ctx: WizardContext; current: CurrentFiling }> {
  const [{ ctx }, current] = await Promise.all([wizardContextFor(tx, order), currentFilingFor(tx, order.subjectId, order.websiteId)]);
  return { ctx, current };
}
