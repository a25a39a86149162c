// Personal numbers shown on lists, in e-mails and in logs are masked; the full 身份证号 is shown only on
// the order review page on request, and that view is audited (recordPiiView in db/review/decide.ts).

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

// 18-character resident ID (17 digits and a digit or X) and mainland mobile numbers (11 digits starting
// 13–19, optionally written 138-0013-8000 / 138 0013 8000 / +86 …), not inside a longer run of digits or
// letters, so order numbers (BA2026110001), ICP numbers and UUIDs are left alone.
const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<![0-9A-Za-z])1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])/g;

const URL_IN_TEXT = /(https?:\/\/[^\s"'<>]+)/;

/**
 * Masks every 身份证号 and mobile number inside free text: a reviewer's note, an observed value, a name
 * typed into a form, an e-mail body, an error message on its way to the log. 3301**********0011,
 * 138****0011. Web addresses are left whole, so a sign-in link for 13805710001@163.com still works.
 */
export function maskPersonalText<T extends string | null | undefined>(text: T): T {
  if (!text) return text;
  return text
    .split(URL_IN_TEXT)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(ID_IN_TEXT, (m) => maskIdNumber(m)).replace(MOBILE_IN_TEXT, (m) => maskMobile(m.replace(/[- ]/g, '')))))
    .join('') as T;
}

const EMAIL_IN_TEXT = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/** E-mail addresses in free text: the first character of the mailbox and the domain kept, f***@beian.example. */
function maskEmails<T extends string | null | undefined>(text: T): T {
  if (!text) return text;
  return text.replace(EMAIL_IN_TEXT, (_m, first: string, domain: string) => `${first}***@${domain}`) as T;
}

/**
 * Free text on its way to a log line: 身份证号, mobile numbers and e-mail addresses masked, inside web
 * addresses too (a log has no link to keep working).
 */
export function maskForLog(text: string): string {
  return maskEmails(text).replace(ID_IN_TEXT, (m) => maskIdNumber(m)).replace(MOBILE_IN_TEXT, (m) => maskMobile(m.replace(/[- ]/g, '')));
}

/**
 * What a log line may say about an error: its name and its message with personal numbers and e-mail
 * addresses masked. A database error can quote the value it choked on (`invalid input syntax …: "330106…"`);
 * stacks, causes and payloads are never logged.
 */
export function errorForLog(err: unknown): string {
  if (err instanceof Error) return maskForLog(`${err.name}: ${err.message}`);
  return maskForLog(String(err));
}
