import { FINDING_CODES, FINDING_STATUSES, ORDER_STATES, ORDER_TYPES, SUBJECT_NATURES } from '@/lib/domain/codes';
import { ORDER_EVENTS } from '@/lib/orders/state-machine';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import { MAIL_KINDS } from '@/lib/notify/kinds';
import { MATERIAL_KINDS } from '@/lib/orders/materials';
import { REJECTION_FIELDS, REJECTION_REASONS } from '@/lib/remediation/rejection-reasons';
import { ACTION_CODES } from '@/lib/remediation/types';

// Finds internal keys in text a person reads: snake_case, dot.case, UPPER_CASE enum names and the words of
// every vocabulary the portal stores (order states, types, events, finding codes, mail kinds …). Addresses,
// e-mail addresses and domain or file names are taken out first: they are data, not keys.

/** Configuration names an operator is told about on purpose. */
const ALLOWED = new Set(['SMTP_URL', 'PUBLIC_BASE_URL', 'MAIL_FROM', 'DATABASE_URL']);

const VOCAB = new Set<string>([
  ...ORDER_STATES,
  ...ORDER_TYPES,
  ...ORDER_EVENTS.filter((e) => e.includes('_')),
  ...FINDING_CODES,
  ...FINDING_STATUSES.filter((s) => s.includes('_')),
  ...SUBJECT_NATURES.filter((s) => s.includes('_')),
  ...AUDIT_ACTIONS,
  ...MAIL_KINDS,
  ...MATERIAL_KINDS,
  ...REJECTION_FIELDS.filter((f) => f.includes('.')),
  ...REJECTION_REASONS.map((r) => r.code),
  ...ACTION_CODES,
  'pending', 'resolved', 'overdue', 'granted', 'refused', 'accepted', 'returned', 'filer', 'reviewer', 'null', 'undefined',
]);

const DATA = [
  /https?:\/\/\S+/g, // addresses
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail addresses
  /\b[\w-]+(\.[\w-]+)*\.(com|cn|net|org|gov|edu|example|test|local|io|xn--[\w-]+|png|jpe?g|gif|webp|csv|pdf)\b/gi, // domains, files
];

const PATTERNS = [
  /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, // snake_case
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, // UPPER_CASE
  /\b[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+\b/g, // dot.case
];

export function findInternalKeys(text: string, allow: ReadonlySet<string> = new Set()): string[] {
  let t = text;
  for (const re of DATA) t = t.replace(re, ' ');
  const found = new Set<string>();
  for (const re of PATTERNS) for (const m of t.matchAll(re)) found.add(m[0]);
  for (const word of t.match(/[A-Za-z][A-Za-z0-9_.]*/g) ?? []) if (VOCAB.has(word)) found.add(word);
  return [...found].filter((k) => !ALLOWED.has(k) && !allow.has(k));
}
