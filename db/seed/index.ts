import { createHash, randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { formatOrderNumber } from '@/lib/orders/number';
import { smsCodeText } from '@/lib/notify/sms-text';
import { queueNoticeEmail } from '../notices/email';
import { orderEventEmail } from '@/lib/notify/order-emails';
import { hashPassword } from '@/lib/auth/password';
import { addDaysIso, todayIso } from '@/lib/time';
import { DEMO_PASSWORD, DEMO_USERS, PEOPLE, SUBJECTS, personIdNumber, subjectCertNumber } from './data';
import { DEMO_EXTENSIONS, DEMO_FINDINGS, DEMO_ORDERS } from './scenarios';
import { seedDemoRechecks } from './rechecks';
import type { OrderPayload, PrincipalData, SubjectData } from '@/lib/orders/payload';
import type { OrderState } from '@/lib/domain/codes';
import type { CurrentFiling } from '@/lib/orders/diff';
import { codeExpiry, contactsToVerify, generateCode, hashCode } from '@/lib/contacts/verification';

export type SeedIds = {
  users: Record<string, string>;
  people: Record<string, string>;
  subjects: Record<string, string>;
  websites: Record<string, string>; // key `${subjectKey}:${index}`
  domains: Record<string, string>; // key = domain name
};

/**
 * Idempotent demo seed: does nothing when the demo admin already exists, otherwise writes everything in
 * one transaction (a half-seeded database is never left behind).
 */
export async function seedDemo(db: Db, opts: { quiet?: boolean; now?: Date } = {}): Promise<'seeded' | 'skipped'> {
  const [existing] = await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, DEMO_USERS[0]!.email));
  if (existing) return 'skipped';
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = opts.now ?? new Date();
  await db.transaction(async (tx) => {
    const ids = await seedFilings(tx, passwordHash, now);
    await seedFindings(tx, ids, now);
    await seedOrders(tx, ids, now);
    await seedNoticeEmails(tx, ids);
    await seedDemoRechecks(tx, now);
    await seedExtensions(tx, ids);
  });
  if (!opts.quiet) console.log('[seed] demo data written');
  return 'seeded';
}

async function seedFilings(tx: Tx, passwordHash: string, now: Date): Promise<SeedIds> {
  const ids: SeedIds = { users: {}, people: {}, subjects: {}, websites: {}, domains: {} };
  for (const u of DEMO_USERS) {
    const [row] = await tx.insert(t.users).values({ email: u.email, name: u.name, role: u.role, passwordHash }).returning({ id: t.users.id });
    ids.users[u.key] = row!.id;
  }
  const today = todayIso(now);
  for (const p of PEOPLE) {
    const [row] = await tx
      .insert(t.principals)
      .values({
        name: p.name,
        idType: '居民身份证',
        idNumber: personIdNumber(p),
        idValidUntil: p.expiredId ? addDaysIso(today, -20) : p.idValidUntil,
        mobile: p.mobile,
        emergencyMobile: p.emergency,
        email: p.email,
        landline: p.key === 'zhaolei' ? '010-62345678' : null,
      })
      .returning({ id: t.principals.id });
    ids.people[p.key] = row!.id;
  }
  for (const s of SUBJECTS) {
    const [subject] = await tx
      .insert(t.subjects)
      .values({
        ownerId: ids.users[s.owner]!,
        icpNumber: `${s.abbr}ICP备${s.serial}号`,
        name: s.name,
        nature: s.nature,
        certType: s.certType,
        certNumber: subjectCertNumber(s),
        certAddress: s.address,
        provinceCode: s.province,
        mailingAddress: s.address,
        legalRepName: s.key === 'lushan' ? '邓建国' : (s.legalRep ?? null),
        principalId: ids.people[s.principal]!,
        status: s.status ?? 'active',
        accessCancelledAt: s.status === 'access_cancelled' ? new Date(now.getTime() - 10 * 86400_000) : null,
      })
      .returning({ id: t.subjects.id });
    ids.subjects[s.key] = subject!.id;
    for (const [i, site] of s.sites.entries()) {
      const [w] = await tx
        .insert(t.websites)
        .values({
          subjectId: subject!.id,
          icpNumber: `${s.abbr}ICP备${s.serial}号-${i + 1}`,
          name: site.name,
          principalId: ids.people[site.principal ?? s.principal]!,
          serviceContent: site.service ?? (s.nature === 'personal' ? '博客/个人空间' : '综合门户'),
          status: s.status ?? 'active',
        })
        .returning({ id: t.websites.id });
      ids.websites[`${s.key}:${i}`] = w!.id;
      for (const name of site.domains) {
        const [d] = await tx
          .insert(t.domains)
          .values({
            websiteId: w!.id,
            name,
            registrantName: s.name,
            registrantIdType: s.nature === 'personal' ? '居民身份证' : s.certType,
            registrantIdNumber: subjectCertNumber(s),
            expiresOn: addDaysIso(today, 200 + i * 30),
          })
          .returning({ id: t.domains.id });
        ids.domains[name] = d!.id;
      }
      await tx.insert(t.accessRecords).values({
        websiteId: w!.id,
        provider: '云端网络科技有限公司',
        ips: site.ips,
        active: s.status !== 'access_cancelled',
        cancelledAt: s.status === 'access_cancelled' ? new Date(now.getTime() - 10 * 86400_000) : null,
      });
    }
  }
  return ids;
}

async function seedFindings(tx: Tx, ids: SeedIds, now: Date) {
  const today = todayIso(now);
  // One notice per subject, carrying all of that subject's findings (as the providers send them).
  const bySubject = new Map<string, typeof DEMO_FINDINGS>();
  for (const f of DEMO_FINDINGS) bySubject.set(f.subject, [...(bySubject.get(f.subject) ?? []), f]);
  for (const [subjectKey, list] of bySubject) {
    const deadline = addDaysIso(today, Math.max(...list.map((f) => f.days)));
    const [notice] = await tx
      .insert(t.notices)
      .values({ subjectId: ids.subjects[subjectKey]!, issuedBy: ids.users.admin!, deadline, source: 'check' })
      .returning({ id: t.notices.id });
    for (const f of list) {
      const [row] = await tx
        .insert(t.findings)
        .values({
          noticeId: notice!.id,
          subjectId: ids.subjects[subjectKey]!,
          websiteId: f.site !== undefined ? ids.websites[`${subjectKey}:${f.site}`]! : null,
          domainId: f.domain ? ids.domains[f.domain]! : null,
          code: f.code,
          status: f.status ?? (f.days < 0 ? 'overdue' : 'open'),
          deadline: addDaysIso(today, f.days),
          filedValue: f.filed ?? null,
          observedValue: f.observed ?? null,
          detail: f.detail ?? null,
          externalKey: `demo:${subjectKey}:${f.code}:${f.site ?? ''}:${f.domain ?? ''}`,
        })
        .returning({ id: t.findings.id });
      f.id = row!.id;
    }
  }
}

async function subjectSnapshot(tx: Tx, subjectId: string): Promise<{ subject: SubjectData; principal: PrincipalData }> {
  const [s] = await tx.select().from(t.subjects).where(eq(t.subjects.id, subjectId));
  const [p] = await tx.select().from(t.principals).where(eq(t.principals.id, s!.principalId));
  return {
    subject: {
      name: s!.name, nature: s!.nature, certType: s!.certType, certNumber: s!.certNumber, certAddress: s!.certAddress,
      provinceCode: s!.provinceCode, mailingAddress: s!.mailingAddress, legalRepName: s!.legalRepName,
    },
    principal: {
      name: p!.name, idType: p!.idType, idNumber: p!.idNumber, idValidUntil: p!.idValidUntil, mobile: p!.mobile,
      landline: p!.landline, emergencyMobile: p!.emergencyMobile, email: p!.email,
    },
  };
}

async function seedOrders(tx: Tx, ids: SeedIds, now: Date) {
  let seq = 1;
  for (const o of DEMO_ORDERS) {
    const subjectId = ids.subjects[o.subject]!;
    const [subject] = await tx.select().from(t.subjects).where(eq(t.subjects.id, subjectId));
    const websiteId = o.site !== undefined ? ids.websites[`${o.subject}:${o.site}`]! : null;
    const snap = await subjectSnapshot(tx, subjectId);
    const payload: OrderPayload = o.payload(snap, ids);
    const hoursAgo = o.hoursAgo ?? 30;
    // History steps are an hour apart from creation; 提交时间 is the time of the history's 提交订单 step.
    const submitStep = o.path.findIndex((s) => s !== 'DRAFT');
    const createdAt = new Date(now.getTime() - (hoursAgo + Math.max(submitStep, 1)) * 3600_000);
    const submittedAt = submitStep >= 0 ? new Date(createdAt.getTime() + submitStep * 3600_000) : null;
    const final = o.path[o.path.length - 1]!;
    const smsCode = final === 'PENDING_SMS' ? '246810' : null;
    const number = formatOrderNumber(createdAt, seq++);
    const [order] = await tx
      .insert(t.orders)
      .values({
        number,
        type: payload.type,
        ownerId: subject!.ownerId,
        subjectId,
        websiteId,
        provinceCode: subject!.provinceCode,
        state: final,
        payload,
        rejection: o.rejection ?? null,
        rejectionNote: o.rejectionNote ?? null,
        smsSentAt: smsCode ? new Date(now.getTime() - 2 * 3600_000) : null,
        submittedAt,
        expiresAt: submittedAt ? new Date(submittedAt.getTime() + 45 * 86400_000) : null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: t.orders.id });
    if (smsCode) {
      // Same hashing as db/orders/gateway.ts, so the demo code from the dev SMS inbox verifies.
      await tx.update(t.orders).set({ smsCodeHash: createHash('sha256').update(`${order!.id}:${smsCode}`).digest('hex') }).where(eq(t.orders.id, order!.id));
    }
    if (submittedAt) await seedVerifiedContacts(tx, { orderId: order!.id, ownerId: subject!.ownerId, payload, subjectPrincipal: snap.principal, websiteId, at: submittedAt });
    for (const code of o.findings ?? []) {
      const f = DEMO_FINDINGS.find((x) => x.subject === o.subject && x.code === code);
      if (f?.id) await tx.insert(t.orderFindings).values({ orderId: order!.id, findingId: f.id });
    }
    let prev: OrderState | null = null;
    for (const [i, state] of o.path.entries()) {
      const at = new Date(createdAt.getTime() + i * 3600_000);
      const actor = state === 'PENDING_SMS' || state === 'FIRST_REVIEW_REJECTED' ? ids.users.reviewer! : subject!.ownerId;
      await tx.insert(t.orderEvents).values({
        orderId: order!.id,
        actorId: state === 'REGULATOR_REVIEW' && prev === 'PENDING_SMS' ? subject!.ownerId : actor,
        event: eventName(prev, state),
        fromState: prev,
        toState: state,
        reason: state === 'FIRST_REVIEW_REJECTED' || state === 'REGULATOR_REJECTED' ? (o.rejectionNote ?? null) : null,
        createdAt: at,
      });
      prev = state;
    }
    if (smsCode) {
      const principal = snap.principal;
      await tx.insert(t.outbox).values({
        channel: 'sms',
        recipient: principal.mobile,
        template: 'sms_code',
        text: smsCodeText({ type: payload.type, number }, smsCode),
        status: 'sent',
        transport: 'dev',
        sentAt: new Date(now.getTime() - 2 * 3600_000),
      });
    }
  }
}

/**
 * An order that went past submission had its new 负责人 mobile / e-mail confirmed with a code just before
 * (db/contacts/verification.ts): the demo holds those verifications, so a rejected demo order is resubmitted
 * as the real one would be.
 */
async function seedVerifiedContacts(tx: Tx, o: { orderId: string; ownerId: string; payload: OrderPayload; subjectPrincipal: PrincipalData; websiteId: string | null; at: Date }) {
  const [site] = o.websiteId
    ? await tx.select({ principal: t.principals }).from(t.websites).innerJoin(t.principals, eq(t.principals.id, t.websites.principalId)).where(eq(t.websites.id, o.websiteId))
    : [];
  const filed: CurrentFiling = {
    subject: null,
    subjectPrincipal: o.subjectPrincipal,
    website: site ? { name: '', serviceContent: '', principal: site.principal, domains: [], ips: [] } : null,
  };
  for (const c of contactsToVerify(o.payload, filed)) {
    const id = randomUUID();
    const sentAt = new Date(o.at.getTime() - 5 * 60_000);
    await tx.insert(t.contactVerifications).values({ id, ownerId: o.ownerId, orderId: o.orderId, channel: c.channel, value: c.value, codeHash: hashCode(generateCode(), id), expiresAt: codeExpiry(sentAt), verifiedAt: new Date(sentAt.getTime() + 60_000), createdAt: sentAt });
  }
}

function eventName(from: OrderState | null, to: OrderState): string {
  if (from === null) return 'create';
  const table: Partial<Record<OrderState, string>> = {
    SUBMITTED: from === 'DRAFT' ? 'submit' : 'resubmit',
    FIRST_REVIEW_REJECTED: 'reject_first_review',
    PENDING_SMS: from === 'RETURNED' ? 'resubmit_to_regulator' : 'approve_first_review',
    REGULATOR_REVIEW: from === 'PENDING_SMS' ? 'sms_verified' : 'submit',
    APPROVED: 'regulator_approve',
    REGULATOR_REJECTED: 'regulator_reject',
    RETURNED: 'sms_return',
    ABANDONED: 'abandon',
    WITHDRAWN: 'withdraw',
    EXPIRED: 'expire',
  };
  return table[to] ?? 'update';
}

/** The 整改通知 e-mail of every demo notice, as issuing it would have queued (one per notice, deduped). */
async function seedNoticeEmails(tx: Tx, ids: SeedIds) {
  const notices = await tx
    .select({ id: t.notices.id, subjectName: t.subjects.name, email: t.users.email })
    .from(t.notices)
    .innerJoin(t.subjects, eq(t.subjects.id, t.notices.subjectId))
    .innerJoin(t.users, eq(t.users.id, t.subjects.ownerId))
    .where(inArray(t.notices.subjectId, Object.values(ids.subjects)));
  for (const n of notices) await queueNoticeEmail(tx, n.id);
  // One message the mail server kept refusing, so the mailbox shows a parked message to retry.
  const [expired] = await tx
    .select({ order: t.orders, email: t.users.email })
    .from(t.orders)
    .innerJoin(t.users, eq(t.users.id, t.orders.ownerId))
    .where(eq(t.orders.state, 'EXPIRED'))
    .limit(1);
  const mail = expired ? await orderEventEmail({ order: expired.order, event: 'expire', to: 'EXPIRED', reason: null }) : null;
  if (expired && mail) {
    await tx.insert(t.outbox).values({
      channel: 'email', recipient: expired.email, ...mail, status: 'parked', attempts: 8,
      lastError: '451 4.7.1 Greylisted, please try again later', dedupeKey: `order:${expired.order.id}:expire`,
    });
  }
}

async function seedExtensions(tx: Tx, ids: SeedIds) {
  for (const e of DEMO_EXTENSIONS) {
    const f = DEMO_FINDINGS.find((x) => x.subject === e.subject && x.code === e.code);
    const [s] = await tx.select({ ownerId: t.subjects.ownerId }).from(t.subjects).where(eq(t.subjects.id, ids.subjects[e.subject]!));
    if (f?.id && s) await tx.insert(t.extensionRequests).values({ findingId: f.id, requestedBy: s.ownerId, reason: e.reason });
  }
}
