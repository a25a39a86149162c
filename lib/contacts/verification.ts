import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { OrderPayload, PrincipalData } from '@/lib/orders/payload';
import type { CurrentFiling } from '@/lib/orders/diff';
import { emailSchema, isValidMobile } from '@/lib/validation/contact';
import { maskMobile } from '@/lib/privacy/mask';

// Contact self-verification in the order wizard: a 负责人 mobile number or e-mail address the order enters or
// changes gets a 6-digit code, which the filer types back before the order can be submitted, so a dead
// number is caught before 初审 phones it or the 管局's SMS verification fails (SUBJECT_CONTACT_INVALID /
// WEBSITE_CONTACT_INVALID: 空号、停机、非本人在使用). Everything here is pure and takes `now`; the database
// side is db/contacts/verification.ts.

export type ContactChannel = 'sms' | 'email';

/** Every payload path a contact code can be asked for (the server actions accept only these). */
export const CONTACT_PATHS = ['principal.mobile', 'principal.email', 'website.principal.mobile', 'website.principal.email'] as const;

/** A contact of an order's payload that needs a code: where it is, how it is reached, what it is called. */
export type ContactToVerify = { path: string; channel: ContactChannel; value: string; label: string };

/** What the wizard shows for one contact (masked: the page never repeats a whole number). */
export type ContactStatus = { path: string; channel: ContactChannel; label: string; masked: string; verified: boolean; resendInSeconds: number };

/** A code is good for 10 minutes. */
export const CODE_TTL_MS = 10 * 60_000;
/** The 5th wrong answer burns the code; a new one must be requested. */
export const MAX_WRONG_ATTEMPTS = 5;
/** At least 60 s between two codes to one contact. */
export const RESEND_INTERVAL_MS = 60_000;
/** At most 5 codes to one contact in any hour. */
export const MAX_SENDS_PER_CONTACT_PER_HOUR = 5;
/** At most 20 codes per filer in any 24 hours, whatever the contacts. */
export const MAX_SENDS_PER_OWNER_PER_DAY = 20;
/** A contact the filer verified within 180 days needs no new code. */
export const VERIFIED_FOR_DAYS = 180;

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

const PRINCIPAL_CONTACTS = [
  { field: 'mobile', channel: 'sms', name: '手机号码' },
  { field: 'email', channel: 'email', name: '电子邮箱' },
] as const satisfies readonly { field: keyof PrincipalData; channel: ContactChannel; name: string }[];

/** How a value is stored and compared: mobile numbers without spaces or dashes, e-mail addresses in lower case. */
export function normaliseContact(channel: ContactChannel, value: string): string {
  const v = value.trim();
  return channel === 'sms' ? v.replace(/[\s-]/g, '') : v.toLowerCase();
}

/** A value a code can be sent to; anything else is left to the wizard's own field checks. */
export function isReachable(channel: ContactChannel, value: string): boolean {
  return channel === 'sms' ? isValidMobile(value) : emailSchema.safeParse(value).success;
}

/** 138****0000 / zh***@yunqi-tech.cn: enough for the filer to recognise, not enough to copy. */
export function maskContact(channel: ContactChannel, value: string): string {
  if (channel === 'sms') return maskMobile(value);
  const at = value.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = value.slice(0, at);
  return `${local.slice(0, Math.min(2, Math.max(1, local.length - 1)))}***${value.slice(at)}`;
}

type Person = Partial<PrincipalData> | null | undefined;

function principalContacts(out: ContactToVerify[], path: string, role: string, proposed: Person, filed: Person) {
  if (!proposed) return;
  for (const c of PRINCIPAL_CONTACTS) {
    const raw = proposed[c.field];
    if (typeof raw !== 'string' || !isReachable(c.channel, raw.trim())) continue;
    const value = normaliseContact(c.channel, raw);
    const before = filed?.[c.field];
    if (typeof before === 'string' && normaliseContact(c.channel, before) === value) continue;
    out.push({ path: `${path}.${c.field}`, channel: c.channel, value, label: `${role}${c.name}` });
  }
}

/**
 * The contacts of `payload` that differ from the filing as it stands (`current`, the order's review basis):
 * the principal a 变更主体 / 变更网站 edits, compared with the filed one; every contact of the principals a
 * 新增网站 or 首次备案 creates. Values that are not a valid mobile or e-mail address yet are skipped: the
 * wizard refuses them at their field first. Other order types carry no contacts.
 */
export function contactsToVerify(payload: OrderPayload, current: CurrentFiling): ContactToVerify[] {
  const out: ContactToVerify[] = [];
  switch (payload.type) {
    case 'CHANGE_SUBJECT':
      principalContacts(out, 'principal', '主体负责人', payload.principal, current.subjectPrincipal);
      break;
    case 'CHANGE_WEBSITE':
      principalContacts(out, 'principal', '网站负责人', payload.principal, current.website?.principal);
      break;
    case 'NEW_WEBSITE':
      principalContacts(out, 'website.principal', '网站负责人', payload.website?.principal, null);
      break;
    case 'FIRST_FILING':
      principalContacts(out, 'principal', '主体负责人', payload.principal, null);
      principalContacts(out, 'website.principal', '网站负责人', payload.website?.principal, null);
      break;
    default:
      break;
  }
  return out;
}

/** Whether a verification made at `verifiedAt` still counts at `now`. */
export function stillVerified(verifiedAt: Date | null | undefined, now: Date): boolean {
  return Boolean(verifiedAt) && now.getTime() - verifiedAt!.getTime() < VERIFIED_FOR_DAYS * DAY_MS && verifiedAt!.getTime() <= now.getTime();
}

/** The oldest moment a verification may date from and still count at `now`. */
export function verifiedSince(now: Date): Date {
  return new Date(now.getTime() - VERIFIED_FOR_DAYS * DAY_MS);
}

/** Six decimal digits from the system's cryptographic generator (leading zeros kept). */
export function generateCode(random: (max: number) => number = (max) => randomInt(0, max)): string {
  return String(random(1_000_000)).padStart(6, '0');
}

/**
 * What is stored instead of the code: a SHA-256 bound to the code's own row (`salt`), so one hash never
 * matches another row's code. Six digits are few, so the hash alone would not keep a code secret: the
 * 10-minute lifetime and the 5-answer limit do.
 */
export function hashCode(code: string, salt: string): string {
  return createHash('sha256').update(`contact-code:${salt}:${code.trim()}`).digest('hex');
}

export function codeMatches(code: string, salt: string, hash: string): boolean {
  if (!/^\d{6}$/.test(code.trim())) return false;
  const a = Buffer.from(hashCode(code, salt), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function codeExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + CODE_TTL_MS);
}

/** The stored state of one sent code, as the answer is checked against it. */
export type SentCode = { salt: string; codeHash: string; expiresAt: Date; attempts: number; verifiedAt: Date | null };

export type CodeCheck =
  | { result: 'verified' }
  | { result: 'already_verified' }
  | { result: 'wrong'; attempts: number; attemptsLeft: number }
  | { result: 'burned' }
  | { result: 'expired' };

/**
 * Checks an answer against the newest code sent to the contact. A burned or expired code is refused before
 * the answer is even compared, so neither can be guessed further; a wrong answer counts (`attempts` is the
 * new count to store) and the 5th burns the code.
 */
export function checkCode(sent: SentCode, code: string, now: Date): CodeCheck {
  if (sent.verifiedAt) return { result: 'already_verified' };
  if (sent.attempts >= MAX_WRONG_ATTEMPTS) return { result: 'burned' };
  if (now.getTime() >= sent.expiresAt.getTime()) return { result: 'expired' };
  if (codeMatches(code, sent.salt, sent.codeHash)) return { result: 'verified' };
  const attempts = sent.attempts + 1;
  return { result: 'wrong', attempts, attemptsLeft: Math.max(0, MAX_WRONG_ATTEMPTS - attempts) };
}

export const NO_CODE_MESSAGE = '请先获取验证码';
export const EXPIRED_MESSAGE = '验证码已过期，请重新获取';
export const BURNED_MESSAGE = '验证码错误次数过多，已失效，请重新获取';

/** The Chinese message for a refused answer, shown next to the code input. */
export function codeCheckMessage(check: Exclude<CodeCheck, { result: 'verified' | 'already_verified' }>): string {
  switch (check.result) {
    case 'wrong':
      return check.attemptsLeft > 0 ? `验证码错误，还可尝试 ${check.attemptsLeft} 次` : BURNED_MESSAGE;
    case 'burned':
      return BURNED_MESSAGE;
    case 'expired':
      return EXPIRED_MESSAGE;
  }
}

export type SendRefusal = { reason: 'interval' | 'contact_hourly' | 'owner_daily'; retryAfterSeconds: number; message: string };

/**
 * Whether another code may be sent now. `contactSends` are the times codes went to this contact, `ownerSends`
 * the times any code went out for this filer (each list may hold older entries; only the windows count).
 * When several limits are reached, the one that lasts longest is named, so the wait it gives is the real one.
 */
export function sendRefusal(history: { contactSends: readonly Date[]; ownerSends: readonly Date[] }, now: Date): SendRefusal | null {
  const t = now.getTime();
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  const within = (list: readonly Date[], ms: number) => list.map((d) => d.getTime()).filter((x) => x > t - ms && x <= t).sort((a, b) => a - b);
  const refusals: SendRefusal[] = [];

  const day = within(history.ownerSends, DAY_MS);
  if (day.length >= MAX_SENDS_PER_OWNER_PER_DAY) {
    const wait = day[day.length - MAX_SENDS_PER_OWNER_PER_DAY]! + DAY_MS - t;
    refusals.push({ reason: 'owner_daily', retryAfterSeconds: seconds(wait), message: `24 小时内最多获取 ${MAX_SENDS_PER_OWNER_PER_DAY} 次验证码，请 ${Math.ceil(wait / HOUR_MS)} 小时后再试` });
  }
  const hour = within(history.contactSends, HOUR_MS);
  if (hour.length >= MAX_SENDS_PER_CONTACT_PER_HOUR) {
    const wait = hour[hour.length - MAX_SENDS_PER_CONTACT_PER_HOUR]! + HOUR_MS - t;
    refusals.push({ reason: 'contact_hourly', retryAfterSeconds: seconds(wait), message: `该联系方式 1 小时内最多获取 ${MAX_SENDS_PER_CONTACT_PER_HOUR} 次验证码，请 ${Math.ceil(wait / 60_000)} 分钟后再试` });
  }
  const last = hour.at(-1);
  if (last !== undefined && t - last < RESEND_INTERVAL_MS) {
    const wait = seconds(last + RESEND_INTERVAL_MS - t);
    refusals.push({ reason: 'interval', retryAfterSeconds: wait, message: `验证码已发送，请 ${wait} 秒后再试` });
  }
  return refusals.reduce<SendRefusal | null>((a, b) => (a && a.retryAfterSeconds >= b.retryAfterSeconds ? a : b), null);
}

/** Seconds until the 获取验证码 button may be pressed again for this contact (0: now). */
export function resendInSeconds(contactSends: readonly Date[], now: Date): number {
  const last = Math.max(...contactSends.map((d) => d.getTime()).filter((x) => x <= now.getTime()), Number.NEGATIVE_INFINITY);
  const wait = last + RESEND_INTERVAL_MS - now.getTime();
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

/** What a field error says while the contact is unverified: 请先验证主体负责人手机号码 138****0000. */
export function verificationNeededMessage(c: Pick<ContactToVerify, 'channel' | 'value' | 'label'>): string {
  return `请先验证${c.label} ${maskContact(c.channel, c.value)}`;
}
