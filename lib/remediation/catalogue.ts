import { DOMAIN_FINDINGS } from './catalogue-domain';
import { SUBJECT_FINDINGS } from './catalogue-subject';
import { WEBSITE_FINDINGS } from './catalogue-website';
import { FINDING_CODES, type FindingCode, type FindingEntry } from './types';

function byCode(entries: readonly FindingEntry[]): Record<FindingCode, FindingEntry> {
  const table = Object.fromEntries(entries.map((e) => [e.code, e])) as Partial<Record<FindingCode, FindingEntry>>;
  // Fail at import time rather than in front of a filer when a code has no entry.
  for (const code of FINDING_CODES) {
    if (!table[code]) throw new Error(`finding catalogue has no entry for ${code}`);
  }
  return table as Record<FindingCode, FindingEntry>;
}

/** The finding catalogue of SPEC section 3, one entry per FindingCode. */
export const FINDING_CATALOGUE: Readonly<Record<FindingCode, FindingEntry>> = byCode([
  ...SUBJECT_FINDINGS,
  ...WEBSITE_FINDINGS,
  ...DOMAIN_FINDINGS,
]);

export function isFindingCode(value: unknown): value is FindingCode {
  return typeof value === 'string' && (FINDING_CODES as readonly string[]).includes(value);
}
