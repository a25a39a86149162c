import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPEN_RULE_QUESTIONS, PROVINCES } from '../rules/provinces';
import { ACTION_LABELS, FINDING_CATALOGUE, FINDING_CODES, ORDER_TYPE_EXPLANATIONS, type SeedRef, isFindingCode } from './index';
import { REJECTION_REASONS } from './rejection-reasons';
import { REVIEW_CHECKLIST } from './review-checklist';

const SEED_FILES = ['000_dba9c9c4249e25c8.txt', '001_c2f9db2b4f566150.txt', '002_5156400736c8003b.txt', '003_76638778018492ba.txt', '004_6ba88f399b14c9a7.txt'];
// The seed passages the product relies on are quoted verbatim in docs/sources (one file per seed document);
// quotes and citations are checked against those files, so the repository is self-contained.
const SOURCES = fileURLToPath(new URL('../../docs/sources/', import.meta.url));
const squash = (s: string) => s.replace(/\s+/g, '');
/** The quoted text of a seed document: blockquote markers dropped, whitespace squashed like the quotes. */
const sourceText = (file: string) =>
  squash(readFileSync(join(SOURCES, file.replace(/\.txt$/, '.md')), 'utf8').split('\n').map((l) => l.replace(/^> ?/, '')).join('\n'));
const texts = new Map<string, string>();
const seed = (file: string) => {
  if (!texts.has(file)) texts.set(file, sourceText(file));
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

  it('联系方式无效: the remedy keeps the sources’ words and says the new contact is confirmed with a code before submitting', () => {
    for (const code of ['SUBJECT_CONTACT_INVALID', 'WEBSITE_CONTACT_INVALID'] as const) {
      const e = FINDING_CATALOGUE[code];
      expect(e.remedy).toContain('正确有效的联系方式');
      expect(e.remedy).toMatch(/“核对并提交”一步.*验证码验证后才能提交/);
      expect([e.source, ...e.alsoIn].some((r) => r.heading === '联系方式无效')).toBe(true);
    }
    for (const file of ['003_76638778018492ba.txt', '004_6ba88f399b14c9a7.txt']) expect(seed(file)).toContain('将负责人信息修改为正确有效的联系方式');
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

describe('every source reference points at a seed heading quoted in docs/sources', () => {
  const refs: [string, SeedRef][] = [
    ...Object.values(FINDING_CATALOGUE).flatMap((e) => [e.source, ...e.alsoIn].map((s) => [e.code, s] as [string, SeedRef])),
    ...Object.entries(ACTION_LABELS).map(([k, v]) => [k, v.source] as [string, SeedRef]),
    ...Object.entries(ORDER_TYPE_EXPLANATIONS).map(([k, v]) => [k, v.source] as [string, SeedRef]),
    ...REJECTION_REASONS.map((r) => [r.code, r.source] as [string, SeedRef]),
    ...REVIEW_CHECKLIST.map((i) => [i.id, i.source] as [string, SeedRef]),
    ...Object.entries(OPEN_RULE_QUESTIONS).map(([k, q]) => [k, q.source] as [string, SeedRef]),
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

// Passages the order rules, checks and plans cite in comments and tests, by seed document.
describe('docs/sources quotes the passages the rules rely on', () => {
  const CITED: [string, string][] = [
    ['001_c2f9db2b4f566150.txt', '已提交至管局的订单无法撤销'], // 4.7 如何撤回审核中的备案订单?
    ['001_c2f9db2b4f566150.txt', '共计输错5次后,第6次验证时工信部系统会将您的备案申请信息退回'], // 4.6
    ['001_c2f9db2b4f566150.txt', '通过阿里云审核后再次进入短信验证环节'], // 4.6
    ['001_c2f9db2b4f566150.txt', '为45天(自提交当天开始计算)'], // 4.10
    ['001_c2f9db2b4f566150.txt', '请您耐心等待1小时,初审专员会再次与您取得联系'], // 2.2
    ['001_c2f9db2b4f566150.txt', '工信部未批复的域名后缀注销后无法再次备案'], // 1.6, 8
    ['001_c2f9db2b4f566150.txt', '您需要将ICP备案信息接入新的服务商'], // 6
    ['001_c2f9db2b4f566150.txt', '需先到原接入商进行变更备案,待变更备案操作成功后再将备案信息接入阿里云'], // 5
    ['001_c2f9db2b4f566150.txt', '广东通常3天左右自动注销空壳主体,山东通常10天左右自动注销空壳主体'], // 11.2
    ['001_c2f9db2b4f566150.txt', '备案成功后个人性质备案不可变更为其他个人'], // 1.2
    ['001_c2f9db2b4f566150.txt', '单位备案不可以跨省备案'], // 2.3
    ['001_c2f9db2b4f566150.txt', '部分管局不允许跨省份变更备案主体'], // 6
    ['001_c2f9db2b4f566150.txt', '则页面底部悬挂主体备案号'], // 2.1
    ['001_c2f9db2b4f566150.txt', '经营性备案和非经营性备案的悬挂备案号要求不同'], // 2.1
    ['001_c2f9db2b4f566150.txt', '实际网站显示内容与实际备案性质不一致'], // 2.7
    ['000_dba9c9c4249e25c8.txt', '接入备案成功后，请您及时按照'],
    ['000_dba9c9c4249e25c8.txt', '目前部分域名注销备案后，无法再次申请备案'],
    ['004_6ba88f399b14c9a7.txt', '网站底部备案号需要同时添加ICP备案号，以及公安备案号'],
    ['004_6ba88f399b14c9a7.txt', '主域名和`www.`域名，都需要可以打开并且底部有备案号'],
  ];
  it.each(CITED)('%s 「%s」', (file, quote) => {
    expect(seed(file)).toContain(squash(quote));
  });
});
