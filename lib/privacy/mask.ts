// Personal numbers shown on lists and inboxes are masked; the full 身份证号 is shown only on the order
// review page on request, and that view is audited (db/review/pii.ts).

const STAR = '*';

/** 身份证号 and other certificate numbers: first 4 and last 4 kept, e.g. 3301**********0011. */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 8) return s.length <= 2 ? STAR.repeat(s.length) : STAR.repeat(s.length - 2) + s.slice(-2);
  return s.slice(0, 4) + STAR.repeat(s.length - 8) + s.slice(-4);
}

/** Mobile numbers: 138****0001. */
export function maskMobile(mobile: string): string {
  const s = mobile.trim();
  if (s.length < 8) return maskAllButLast(s, 2);
  return s.slice(0, 3) + STAR.repeat(s.length - 7) + s.slice(-4);
}

/** Everything but the last `keep` characters: *******0001 (the dev SMS inbox). */
export function maskAllButLast(value: string, keep = 4): string {
  const s = value.trim();
  if (s.length <= keep) return STAR.repeat(s.length);
  return STAR.repeat(s.length - keep) + s.slice(-keep);
}
