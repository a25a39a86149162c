// The 初审 phone procedure (001 2.2, the part of the FAQ on the 初审 call): the reviewer calls the principal's
// 联系方式1; if nobody answers, calls again after an hour; then calls the 应急联系电话; only when that is not
// answered either is the order rejected. Every attempt is recorded on the order; this decides what comes next.

export const PHONE_RETRY_AFTER_MS = 60 * 60 * 1000;

export type PhoneTarget = 'contact' | 'emergency';
export type PhoneAttempt = { at: Date; target: PhoneTarget; reached: boolean };

export type PhoneStep =
  | { kind: 'reached' }
  | { kind: 'call'; target: PhoneTarget }
  | { kind: 'wait'; until: Date }
  | { kind: 'reject' };

export const PHONE_TARGET_LABELS: Record<PhoneTarget, string> = { contact: '联系方式1', emergency: '应急联系电话' };

/** What the reviewer does next, given the attempts so far. */
export function nextPhoneStep(attempts: readonly PhoneAttempt[], now: Date): PhoneStep {
  if (attempts.some((a) => a.reached)) return { kind: 'reached' };
  const contact = attempts.filter((a) => a.target === 'contact').sort((a, b) => a.at.getTime() - b.at.getTime());
  const emergency = attempts.filter((a) => a.target === 'emergency');
  if (contact.length === 0) return { kind: 'call', target: 'contact' };
  if (contact.length === 1) {
    const until = new Date(contact[0]!.at.getTime() + PHONE_RETRY_AFTER_MS);
    return now < until ? { kind: 'wait', until } : { kind: 'call', target: 'contact' };
  }
  return emergency.length === 0 ? { kind: 'call', target: 'emergency' } : { kind: 'reject' };
}

/** A Chinese reason this attempt is out of order, or null when it may be recorded. */
export function attemptRefusal(attempts: readonly PhoneAttempt[], target: PhoneTarget, now: Date): string | null {
  const next = nextPhoneStep(attempts, now);
  if (next.kind === 'reached') return '已与负责人取得联系，无需再记录拨打。';
  if (next.kind === 'reject') return '规程中的拨打已全部完成且均未接通，可以“初审电话无法接通”驳回。';
  if (next.kind === 'wait') return '首次未接通后须等待 1 小时再拨打联系方式1。';
  return next.target === target ? null : `现在应拨打${PHONE_TARGET_LABELS[next.target]}。`;
}

/** Rejecting for an unreachable phone is allowed only once the whole procedure was followed. */
export function mayRejectForPhone(attempts: readonly PhoneAttempt[], now: Date): boolean {
  return nextPhoneStep(attempts, now).kind === 'reject';
}
