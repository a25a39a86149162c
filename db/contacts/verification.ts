import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, inArray, or } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { enqueue, type OutboxMessage } from '../queries/outbox';
import { currentFilingFor } from '../queries/review-order';
import { ConflictError, NotFoundError, PublicError } from '@/lib/errors';
import { UUID_PATTERN } from '@/lib/domain/ids';
import { EDITABLE_ORDER_STATES, type OrderState } from '@/lib/domain/codes';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import type { OrderPayload } from '@/lib/orders/payload';
import type { CurrentFiling } from '@/lib/orders/diff';
import {
  NO_CODE_MESSAGE,
  RESEND_INTERVAL_MS,
  checkCode,
  codeCheckMessage,
  codeExpiry,
  contactsToVerify,
  generateCode,
  hashCode,
  maskContact,
  resendInSeconds,
  sendRefusal,
  stillVerified,
  verificationNeededMessage,
  verifiedSince,
  type ContactStatus,
  type ContactToVerify,
} from '@/lib/contacts/verification';
import { contactCodeSmsText } from '@/lib/notify/sms-text';
import { contactCodeEmail } from '@/lib/notify/templates/contact-code';
import { now as clockNow } from '@/lib/clock';

// The order wizard's contact self-verification (rules in lib/contacts/verification.ts): send a code to a
// 负责人's new mobile (SMS outbox → the SMS sender of lib/notify/sms.ts) or e-mail (e-mail outbox), check the
// answer, and tell submitOrder which contacts still lack one. Always about the order's saved draft: a value
// typed but not yet saved gets no code.

type OrderLike = { id: string; number: string; ownerId: string; state: OrderState; subjectId: string | null; websiteId: string | null; payload: unknown };

const DAY_MS = 24 * 3600_000;
const key = (c: { channel: string; value: string }) => `${c.channel}:${c.value}`;

/** The order when it is the owner's; anything else looks like a missing order. */
async function ownOrder(tx: Tx, orderId: string, ownerId: string): Promise<OrderLike> {
  if (!UUID_PATTERN.test(orderId)) throw new NotFoundError();
  const [order] = await tx.select().from(t.orders).where(and(eq(t.orders.id, orderId), eq(t.orders.ownerId, ownerId)));
  if (!order) throw new NotFoundError();
  return order;
}

function assertEditable(order: OrderLike) {
  if (!(EDITABLE_ORDER_STATES as readonly string[]).includes(order.state)) {
    throw new ConflictError(`订单当前状态为“${ORDER_STATE_LABELS[order.state]}”，无需再验证联系方式。`);
  }
}

/** The contacts of the order's saved payload that differ from the filing as it stands (the review basis). */
export async function contactsOf(tx: Tx, order: OrderLike, current?: CurrentFiling): Promise<ContactToVerify[]> {
  const basis = current ?? (await currentFilingFor(tx, order.subjectId, order.websiteId));
  return contactsToVerify(order.payload as OrderPayload, basis);
}

/** The owner's code rows for these contacts that matter at `now`: verified within 180 days, or sent in the last minute. */
async function recentRows(tx: Tx, ownerId: string, contacts: readonly ContactToVerify[], now: Date) {
  if (contacts.length === 0) return [];
  const since = new Date(Math.min(verifiedSince(now).getTime(), now.getTime() - RESEND_INTERVAL_MS));
  return tx
    .select({ channel: t.contactVerifications.channel, value: t.contactVerifications.value, createdAt: t.contactVerifications.createdAt, verifiedAt: t.contactVerifications.verifiedAt })
    .from(t.contactVerifications)
    .where(
      and(
        eq(t.contactVerifications.ownerId, ownerId),
        inArray(t.contactVerifications.value, [...new Set(contacts.map((c) => c.value))]),
        or(gt(t.contactVerifications.verifiedAt, since), gt(t.contactVerifications.createdAt, new Date(now.getTime() - RESEND_INTERVAL_MS))),
      ),
    );
}

function verifiedKeys(rows: Awaited<ReturnType<typeof recentRows>>, now: Date): Set<string> {
  return new Set(rows.filter((r) => stillVerified(r.verifiedAt, now)).map(key));
}

/** The contacts of the order that still need a code: changed, and not verified by this owner within 180 days. */
export async function unverifiedContacts(db: Db | Tx, order: OrderLike, now = clockNow()): Promise<ContactToVerify[]> {
  const contacts = await contactsOf(db, order);
  const verified = verifiedKeys(await recentRows(db, order.ownerId, contacts, now), now);
  return contacts.filter((c) => !verified.has(key(c)));
}

/**
 * What submitOrder throws while a contact lacks its code, or null: one field error per contact, at its path,
 * so the wizard and the order page can show it at the field.
 */
export async function unverifiedContactsError(db: Db | Tx, order: OrderLike, now = clockNow()): Promise<PublicError | null> {
  const pending = await unverifiedContacts(db, order, now);
  if (pending.length === 0) return null;
  const names = pending.map((c) => `${c.label} ${maskContact(c.channel, c.value)}`);
  return new PublicError(
    `请先验证${names.join('、')}：在订单填写的“核对并提交”一步获取并填写验证码后再提交。`,
    Object.fromEntries(pending.map((c) => [c.path, [verificationNeededMessage(c)]])),
  );
}

/** Every contact the wizard asks a code for, with whether it is verified and how long until another code may be sent. */
export async function contactStatuses(db: Db | Tx, order: OrderLike, opts: { now?: Date; current?: CurrentFiling } = {}): Promise<ContactStatus[]> {
  const now = opts.now ?? clockNow();
  const contacts = await contactsOf(db, order, opts.current);
  const rows = await recentRows(db, order.ownerId, contacts, now);
  const verified = verifiedKeys(rows, now);
  return contacts.map((c) => ({
    path: c.path,
    channel: c.channel,
    label: c.label,
    masked: maskContact(c.channel, c.value),
    verified: verified.has(key(c)),
    resendInSeconds: resendInSeconds(rows.filter((r) => key(r) === key(c)).map((r) => r.createdAt), now),
  }));
}

/** The contact at `path` of the order's saved draft, when it needs a code; a Chinese refusal otherwise. */
async function contactAt(tx: Tx, order: OrderLike, path: string): Promise<ContactToVerify> {
  const contact = (await contactsOf(tx, order)).find((c) => c.path === path);
  if (!contact) throw new PublicError('该联系方式与当前备案一致或尚未保存，无需验证；如刚修改过，请先保存后再获取验证码。');
  return contact;
}

async function isVerified(tx: Tx, ownerId: string, c: ContactToVerify, now: Date): Promise<boolean> {
  const rows = await tx
    .select({ verifiedAt: t.contactVerifications.verifiedAt })
    .from(t.contactVerifications)
    .where(and(eq(t.contactVerifications.ownerId, ownerId), eq(t.contactVerifications.channel, c.channel), eq(t.contactVerifications.value, c.value), gt(t.contactVerifications.verifiedAt, verifiedSince(now))));
  return rows.some((r) => stillVerified(r.verifiedAt, now));
}

export type SendResult = { status: 'sent'; masked: string; resendInSeconds: number } | { status: 'verified'; masked: string };

/**
 * 获取验证码: checks the order is the owner's and editable, that `path` is a contact of its saved draft that
 * needs a code, and the send limits; then stores the code's hash and queues the SMS or e-mail, in one
 * transaction (the outbox sends it after commit). A contact already verified gets no new code.
 */
export async function sendContactCode(db: Db, input: { ownerId: string; orderId: string; path: string; now?: Date }): Promise<SendResult> {
  const now = input.now ?? clockNow();
  return db.transaction(async (tx) => {
    const order = await ownOrder(tx, input.orderId, input.ownerId);
    assertEditable(order);
    const contact = await contactAt(tx, order, input.path);
    const masked = maskContact(contact.channel, contact.value);
    if (await isVerified(tx, order.ownerId, contact, now)) return { status: 'verified', masked };
    // One filer's sends one at a time: two tabs pressing 获取验证码 together must not both pass the limits.
    await tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, order.ownerId)).for('update');
    const sends = await tx
      .select({ channel: t.contactVerifications.channel, value: t.contactVerifications.value, createdAt: t.contactVerifications.createdAt })
      .from(t.contactVerifications)
      .where(and(eq(t.contactVerifications.ownerId, order.ownerId), gt(t.contactVerifications.createdAt, new Date(now.getTime() - DAY_MS))));
    const refusal = sendRefusal({ contactSends: sends.filter((s) => key(s) === key(contact)).map((s) => s.createdAt), ownerSends: sends.map((s) => s.createdAt) }, now);
    if (refusal) throw new PublicError(refusal.message);

    const id = randomUUID();
    const code = generateCode();
    await tx.insert(t.contactVerifications).values({ id, ownerId: order.ownerId, orderId: order.id, channel: contact.channel, value: contact.value, codeHash: hashCode(code, id), expiresAt: codeExpiry(now), createdAt: now });
    const data = { orderId: order.id, path: contact.path };
    const message: OutboxMessage =
      contact.channel === 'sms'
        ? { channel: 'sms', recipient: contact.value, template: 'contact_code.sms', text: contactCodeSmsText({ orderNumber: order.number, label: contact.label }, code), data }
        : { channel: 'email', recipient: contact.value, ...(await contactCodeEmail({ orderNumber: order.number, label: contact.label, code })), data };
    await enqueue(tx, message);
    return { status: 'sent', masked, resendInSeconds: Math.ceil(RESEND_INTERVAL_MS / 1000) };
  });
}

export type VerifyResult = { status: 'verified'; masked: string; label: string };

/**
 * 验证: the answer is checked against the newest code sent to the contact (an earlier code is void once a new
 * one is sent). A wrong answer is counted, committed, and then refused with what is left; the 5th burns the
 * code. The row is locked while it is checked, so parallel guesses cannot outrun the count.
 */
export async function verifyContactCode(db: Db, input: { ownerId: string; orderId: string; path: string; code: string; now?: Date }): Promise<VerifyResult> {
  const now = input.now ?? clockNow();
  const outcome = await db.transaction(async (tx) => {
    const order = await ownOrder(tx, input.orderId, input.ownerId);
    assertEditable(order);
    const contact = await contactAt(tx, order, input.path);
    const done = { status: 'verified' as const, masked: maskContact(contact.channel, contact.value), label: contact.label };
    if (await isVerified(tx, order.ownerId, contact, now)) return done;
    const cv = t.contactVerifications;
    const [latest] = await tx
      .select()
      .from(cv)
      .where(and(eq(cv.ownerId, order.ownerId), eq(cv.channel, contact.channel), eq(cv.value, contact.value)))
      .orderBy(desc(cv.createdAt), desc(cv.id))
      .limit(1)
      .for('update');
    // None sent, or the newest was verified so long ago that it no longer counts: a new code is needed.
    if (!latest || latest.verifiedAt) return { refused: NO_CODE_MESSAGE };
    const check = checkCode({ salt: latest.id, codeHash: latest.codeHash, expiresAt: latest.expiresAt, attempts: latest.attempts, verifiedAt: latest.verifiedAt }, input.code, now);
    if (check.result === 'verified' || check.result === 'already_verified') {
      await tx.update(cv).set({ verifiedAt: now }).where(eq(cv.id, latest.id));
      return done;
    }
    if (check.result === 'wrong') await tx.update(cv).set({ attempts: check.attempts }).where(eq(cv.id, latest.id));
    return { refused: codeCheckMessage(check) };
  });
  if ('refused' in outcome) throw new PublicError(outcome.refused, { code: [outcome.refused] });
  return outcome;
}
