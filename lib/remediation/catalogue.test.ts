import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../rules/provinces';
import { ACTION_LABELS, FINDING_CATALOGUE, FINDING_CODES, ORDER_TYPE_EXPLANATIONS, type SeedRef, isFindingCode } from './index';
import { REJECTION_REASONS } from './rejection-reasons';
import { REVIEW_CHECKLIST } from './review-checklist';

const SEEDS_DIR = process.env.SEEDS_DIR ?? '/work/shared/seeds';
const SEED_FILES = ['000_dba9c9c4249e25c8.txt', '001_c2f9db2b4f566150.txt', '002_5156400736c8003b.txt', '003_76638778018492ba.txt', '004_6ba88f399b14c9a7.txt'];
const squash = (s: string) => s.replace(/\s+/g, '');
const texts = new Map<string, string>();
const seed = (file: string) => {
  if (!texts.has(file)) texts.set(file, squash(readFileSync(join(SEEDS_DIR, file), 'utf8')));
  return texts.get(file) ?? '';
};

// SPEC section 3: code → scope.
const SPEC_SCOPES: Record<string, string> = {
  SUBJECT_NAME_MISMATCH: 'subject', SUBJECT_CERT_NUMBER_MISMATCH: 'subject', SUBJECT_CERT_ADDRESS_MISMATCH: 'subject',
  SUBJECT_BUSINESS_CLOSED: 'subject', SUBJECT_LEGAL_REP_MISMATCH: 'subject', SUBJECT_PRINCIPAL_ID_EXPIRED: 'subject',
  SUBJECT_PRINCIPAL_ID_MISMATCH: 'subject', SUBJECT_CONTACT_INVALID: 'subject', WEBSITE_PRINCIPAL_ID_EXPIRED: 'website',
  WEBSITE_CONTACT_INVALID: 'website', VERIFICATION_MATERIAL_INVALID: 'website', SITE_UNREACHABLE: 'website',
  CONTENT_SUBJECT_MISMATCH: 'website', CONTENT_COMMERCIAL: 'website', CONTENT_PRE_APPROVAL_REQUIRED: 'website',
  CONTENT_VIOLATION: 'website', SITE_TITLE_MISMATCH: 'website', SITE_NAME_VIOLATION: 'website',
  FOOTER_ICP_NUMBER_MISSING: 'website', DOMAIN_EXPIRED: 'domain', DOMAIN_OWNER_MISMATCH: 'domain', DNS_NOT_AT_PROVIDER: 'domain',
};

describe('finding catalogue', () => {
  it('has one entry per SPEC code, with the SPEC scope', () => {
    expect([...FINDING_CODES].sort()).toEqual(Object.keys(SPEC_SCOPES).sort());
    for (const code of FINDING_CODES) {
      expect(FINDING_CATALOGUE[code].code).toBe(code);
      expect(FINDING_CATALOGUE[code].scope).toBe(SPEC_SCOPES[code]);
    }
  });

  it('writes every text in Chinese for the filer', () => {
    for (const e of Object.values(FINDING_CATALOGUE)) {
      for (const t of [e.notice, e.cause, e.remedy, e.duringPeriod, e.afterPeriod]) expect(t).toMatch(/\p{Script=Han}{4}/u);
    }
  });

  it('recognises finding codes', () => {
    expect(isFindingCode('DOMAIN_EXPIRED')).toBe(true);
    expect(isFindingCode('domain_expired')).toBe(false);
    expect(isFindingCode(42)).toBe(false);
  });
});

describe('reviewer catalogues', () => {
  it('has unique rejection codes, each with a reason and a fix', () => {
    const codes = REJECTION_REASONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of REJECTION_REASONS) {
      expect(r.code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(r.reason).toMatch(/\p{Script=Han}/u);
      expect(r.fix).toMatch(/\p{Script=Han}/u);
    }
    expect(REJECTION_REASONS.find((r) => r.code === 'SITE_NAME_INVALID')?.field).toBe('website.name');
  });

  it('has unique checklist ids', () => {
    const ids = REVIEW_CHECKLIST.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(10);
  });
});

describe.skipIf(!existsSync(SEEDS_DIR))('every source reference points at a real seed heading', () => {
  const refs: [string, SeedRef][] = [
    ...Object.values(FINDING_CATALOGUE).flatMap((e) => [e.source, ...e.alsoIn].map((s) => [e.code, s] as [string, SeedRef])),
    ...Object.entries(ACTION_LABELS).map(([k, v]) => [k, v.source] as [string, SeedRef]),
    ...Object.entries(ORDER_TYPE_EXPLANATIONS).map(([k, v]) => [k, v.source] as [string, SeedRef]),
    ...REJECTION_REASONS.map((r) => [r.code, r.source] as [string, SeedRef]),
    ...REVIEW_CHECKLIST.map((i) => [i.id, i.source] as [string, SeedRef]),
    ...Object.values(PROVINCES).flatMap((p) =>
      [p.principalMustBeLegalRep, p.footerNumber, p.oneDomainPerWebsite, p.extraDocuments, p.proofWindowOverrides]
        .filter((f) => f !== 'unknown')
        .map((f) => [p.name, (f as { source: SeedRef }).source] as [string, SeedRef]),
    ),
  ];

  it.each(refs)('%s → %o', (_owner, ref) => {
    expect(SEED_FILES).toContain(ref.file);
    expect(seed(ref.file)).toContain(squash(ref.heading));
    if (ref.row) expect(seed(ref.file)).toContain(squash(ref.row));
  });
});
