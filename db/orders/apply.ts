import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { addDaysIso, todayIso } from '@/lib/time';
import { reaccessRectifyDays } from '@/lib/notices/policy';
import type { Tx } from '../client';
import * as t from '../schema';
import { PublicError } from '@/lib/errors';
import { getProvince } from '@/lib/rules/provinces';
import type { OrderPayload, PrincipalData } from '@/lib/orders/payload';
import type { OrderRow } from './transition';
import { now as clockNow } from '@/lib/clock';
import { config } from '@/lib/config';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';

/**
 * Applies an approved order to the filing, inside the transition's transaction: either the filing shows
 * the new data and the order is APPROVED, or neither happened.
 */
export async function applyApprovedOrder(tx: Tx, order: OrderRow): Promise<void> {
  const p = order.payload as OrderPayload;
  switch (p.type) {
    case 'CHANGE_SUBJECT': {
      const subject = await mustSubject(tx, order.subjectId);
      if (p.subject.provinceCode !== subject.provinceCode) throw new PublicError('变更备案不能变更所属省份。');
      const principalId = await upsertPrincipal(tx, p.principal);
      const { provinceCode: _keep, ...fields } = p.subject;
      await tx.update(t.subjects).set({ ...fields, legalRepName: fields.legalRepName ?? null, principalId }).where(eq(t.subjects.id, subject.id));
      return;
    }
    case 'CHANGE_WEBSITE': {
      const websiteId = mustId(order.websiteId);
      const principalId = await upsertPrincipal(tx, p.principal);
      await tx.update(t.websites).set({ name: p.website.name, serviceContent: p.website.serviceContent, principalId }).where(eq(t.websites.id, websiteId));
      if (p.removeDomainIds.length > 0) {
        // The trigger refuses removing the last domain; the where clause keeps the ids to this website.
        await tx
          .update(t.domains)
          .set({ removedAt: clockNow() })
          .where(and(eq(t.domains.websiteId, websiteId), inArray(t.domains.id, p.removeDomainIds), isNull(t.domains.removedAt)));
      }
      return;
    }
    case 'CHANGE_ACCESS':
    case 'ACCESS_FILING': {
      // 接入备案 changes no filing data: only where the site is hosted, and its status back to active.
      const websiteIds = order.websiteId ? [order.websiteId] : await websitesOf(tx, mustId(order.subjectId));
      for (const websiteId of websiteIds) {
        await tx.update(t.accessRecords).set({ active: false, cancelledAt: clockNow() }).where(and(eq(t.accessRecords.websiteId, websiteId), eq(t.accessRecords.active, true)));
        await tx.insert(t.accessRecords).values({ websiteId, provider: '云端网络科技有限公司', ips: p.ips });
        if (p.type === 'ACCESS_FILING') await tx.update(t.websites).set({ status: 'active' }).where(eq(t.websites.id, websiteId));
      }
      if (p.type === 'ACCESS_FILING') {
        const subjectId = mustId(order.subjectId);
        await tx.update(t.subjects).set({ status: 'active', accessCancelledAt: null }).where(eq(t.subjects.id, subjectId));
        await reopenAfterReaccess(tx, subjectId, websiteIds);
      }
      return;
    }
    case 'CANCEL_WEBSITE': {
      const websiteId = mustId(order.websiteId);
      await retireWebsites(tx, [websiteId], 'cancelled');
      await resolveFindings(tx, sql`${t.findings.websiteId} = ${websiteId}`);
      return;
    }
    case 'CANCEL_SUBJECT': {
      const subjectId = mustId(order.subjectId);
      await retireWebsites(tx, await websitesOf(tx, subjectId), 'cancelled');
      await tx.update(t.subjects).set({ status: 'cancelled' }).where(eq(t.subjects.id, subjectId));
      await resolveFindings(tx, sql`${t.findings.subjectId} = ${subjectId}`);
      return;
    }
    case 'CANCEL_ACCESS': {
      const subjectId = mustId(order.subjectId);
      const websiteIds = order.websiteId ? [order.websiteId] : await websitesOf(tx, subjectId);
      await retireWebsites(tx, websiteIds, 'access_cancelled');
      if (!order.websiteId) await tx.update(t.subjects).set({ status: 'access_cancelled', accessCancelledAt: clockNow() }).where(eq(t.subjects.id, subjectId));
      // The findings on what lost its access wait as 已取消接入 (a 接入备案 opens them again), whoever cancelled.
      await tx
        .update(t.findings)
        .set({ status: 'access_cancelled' })
        .where(and(eq(t.findings.subjectId, subjectId), inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES), order.websiteId ? eq(t.findings.websiteId, order.websiteId) : undefined));
      return;
    }
    case 'NEW_WEBSITE': {
      const subject = await mustSubject(tx, order.subjectId);
      await insertWebsite(tx, subject.id, subject.icpNumber, p.website);
      return;
    }
    case 'FIRST_FILING': {
      const principalId = await upsertPrincipal(tx, p.principal);
      const icpNumber = await issueSubjectNumber(tx, p.subject.provinceCode);
      const [subject] = await tx
        .insert(t.subjects)
        .values({ ...p.subject, legalRepName: p.subject.legalRepName ?? null, ownerId: order.ownerId, icpNumber, principalId })
        .returning();
      await tx.update(t.orders).set({ subjectId: subject!.id }).where(eq(t.orders.id, order.id));
      await insertWebsite(tx, subject!.id, icpNumber, p.website);
      return;
    }
  }
}

async function insertWebsite(tx: Tx, subjectId: string, subjectNumber: string, w: Extract<OrderPayload, { type: 'NEW_WEBSITE' }>['website']) {
  const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(t.websites).where(eq(t.websites.subjectId, subjectId))) as [{ n: number }];
  const principalId = await upsertPrincipal(tx, w.principal);
  const [site] = await tx
    .insert(t.websites)
    .values({ subjectId, icpNumber: `${subjectNumber}-${n + 1}`, name: w.name, serviceContent: w.serviceContent, principalId })
    .returning();
  for (const d of w.domains) await tx.insert(t.domains).values({ ...d, websiteId: site!.id });
  await tx.insert(t.accessRecords).values({ websiteId: site!.id, provider: '云端网络科技有限公司', ips: w.ips });
}

/** The 管局 issues the number; the simulator issues the next free serial under the province's abbreviation. */
async function issueSubjectNumber(tx: Tx, provinceCode: string): Promise<string> {
  const abbr = getProvince(provinceCode)?.abbreviation;
  if (!abbr) throw new PublicError('所属省份无效。');
  const year = clockNow().getFullYear();
  const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(t.subjects)) as [{ n: number }];
  return `${abbr}ICP备${year}${String(100000 + n).padStart(6, '0')}号`;
}

/** A person is identified by ID type and number: update that person, or add them when new. */
async function upsertPrincipal(tx: Tx, p: PrincipalData): Promise<string> {
  // Only the person's fields: a payload is filer input and may carry anything else.
  const values = {
    name: p.name, idType: p.idType, idNumber: p.idNumber, idValidUntil: p.idValidUntil ?? null, mobile: p.mobile,
    landline: p.landline ?? null, emergencyMobile: p.emergencyMobile, email: p.email,
  };
  const [existing] = await tx
    .select({ id: t.principals.id })
    .from(t.principals)
    .where(and(eq(t.principals.idType, p.idType), eq(t.principals.idNumber, p.idNumber)));
  try {
    if (existing) {
      await tx.update(t.principals).set(values).where(eq(t.principals.id, existing.id));
      return existing.id;
    }
    const [row] = await tx.insert(t.principals).values(values).returning({ id: t.principals.id });
    return row!.id;
  } catch (err) {
    if (String((err as { cause?: { code?: string }; code?: string })?.cause?.code ?? (err as { code?: string }).code) === '23505') {
      throw new PublicError('负责人手机号码或电子邮箱已被其他负责人使用，不同负责人不能使用相同的联系方式。');
    }
    throw err;
  }
}

/**
 * 接入备案 approved: the findings that waited while access was cancelled (subject-level ones, and those of the
 * websites now hosted again) are the filer's to fix again, with a fresh 整改期 from the operator's policy.
 */
async function reopenAfterReaccess(tx: Tx, subjectId: string, websiteIds: string[]) {
  const deadline = addDaysIso(todayIso(), reaccessRectifyDays({ REACCESS_RECTIFY_DAYS: String(config().REACCESS_RECTIFY_DAYS) }));
  await tx
    .update(t.findings)
    .set({ status: 'open', deadline, resolvedAt: null })
    .where(
      and(
        eq(t.findings.subjectId, subjectId),
        eq(t.findings.status, 'access_cancelled'),
        or(isNull(t.findings.websiteId), websiteIds.length ? inArray(t.findings.websiteId, websiteIds) : sql`false`),
      ),
    );
}

async function retireWebsites(tx: Tx, websiteIds: string[], status: 'cancelled' | 'access_cancelled') {
  if (websiteIds.length === 0) return;
  await tx.update(t.websites).set({ status }).where(inArray(t.websites.id, websiteIds));
  await tx.update(t.accessRecords).set({ active: false, cancelledAt: clockNow() }).where(and(inArray(t.accessRecords.websiteId, websiteIds), eq(t.accessRecords.active, true)));
}

async function resolveFindings(tx: Tx, where: ReturnType<typeof sql>) {
  await tx
    .update(t.findings)
    .set({ status: 'resolved', resolvedAt: clockNow() })
    .where(and(where, inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES)));
}

async function websitesOf(tx: Tx, subjectId: string): Promise<string[]> {
  const rows = await tx.select({ id: t.websites.id }).from(t.websites).where(and(eq(t.websites.subjectId, subjectId), sql`${t.websites.status} <> 'cancelled'`));
  return rows.map((r) => r.id);
}

async function mustSubject(tx: Tx, id: string | null) {
  const [s] = await tx.select().from(t.subjects).where(eq(t.subjects.id, mustId(id)));
  if (!s) throw new PublicError('订单关联的备案主体不存在。');
  return s;
}

function mustId(id: string | null): string {
  if (!id) throw new PublicError('订单缺少关联的备案信息。');
  return id;
}
