import type { SeedRef } from '../remediation/types';

// Per-province 管局 rules the seeds mention, in one table keyed by the GB/T 2260 two-digit code.
// A value the seeds do not give is 'unknown', never a guess; callers must handle it.

export const AS_OF = '2026-11';
export type Sourced<T> = { value: T; source: SeedRef; asOf: typeof AS_OF };
export type Fact<T> = Sourced<T> | 'unknown';

/** Kinds of dated papers whose age 001 limits (授权书, 证明, and the provincial special cases). */
export type ProofKind = 'authorisation' | 'proof' | 'work_certificate' | 'domain_certificate' | 'commercial_statement';
export type ProofWindow = { months: number } | { days: number };
export type ExtraDocument = { name: string; appliesTo: string };

export type Province = {
  code: string;
  name: string;
  /** 简称 used in 备案号, e.g. 浙ICP备… (四川 uses 蜀, not 川). */
  abbreviation: string;
  principalMustBeLegalRep: Fact<boolean>;
  /** Whether a 网站负责人 who is not the 法定代表人 needs a 授权书; 001 says "部分省市" without naming them. */
  websitePrincipalNeedsAuthorisation: Fact<boolean>;
  footerNumber: Fact<'subject' | 'website'>;
  oneDomainPerWebsite: Fact<boolean>;
  extraDocuments: Fact<readonly ExtraDocument[]>;
  /** Provincial exceptions to the national "≤ 3 months" age limit of authorisation letters and proofs. */
  proofWindowOverrides: Fact<Readonly<Partial<Record<ProofKind, ProofWindow>>>>;
  /** 个人 ↔ 单位 nature change by a plain change order. */
  natureChange: Fact<boolean>;
  /** 先接入后变更: re-access with outdated data, then change. */
  accessThenChange: Fact<boolean>;
};

const F001 = '001_c2f9db2b4f566150.txt';
const fact = <T>(value: T, heading: string): Sourced<T> => ({ value, source: { file: F001, heading }, asOf: AS_OF });

const H_LEGAL_REP = '单位备案主体负责人和网站负责人必须填写法定代表人吗?';
const H_FOOTER = '如何在网站底部添加备案号?';
const H_ONE_DOMAIN = '变更备案可以添加新的域名吗?';
const H_UPLOADS = '上传资料有什么要求?';

/** The national rule every province shares: authorisation letters and proofs ≤ 3 months old (001 4.5). */
export const NATIONAL_PROOF_WINDOW: Sourced<ProofWindow> = fact({ months: 3 }, H_UPLOADS);
/** Certificates and IDs must stay valid ≥ 3 months after submission (001 4.5 and 2.8). */
export const NATIONAL_DOCUMENT_VALIDITY: Sourced<{ months: number }> = fact({ months: 3 }, H_UPLOADS);

// 001 4.4 names these 18 provinces: 宁夏、西藏、山东、广东、湖北、云南、浙江、贵州、黑龙江、陕西、
// 内蒙古、上海、江西、湖南、天津、河南、福建、重庆.
const LEGAL_REP_REQUIRED = new Set([
  '64', '54', '37', '44', '42', '53', '33', '52', '23', '61', '15', '31', '36', '43', '12', '41', '35', '50',
]);
const ONE_DOMAIN_PER_WEBSITE = new Set(['42', '43']); // 湖北, 湖南 (001 section 6)

const EXTRA_DOCUMENTS: Readonly<Record<string, Sourced<readonly ExtraDocument[]>>> = {
  '15': fact([{ name: '编办证明', appliesTo: '事业单位、政府机关首次备案' }], '内蒙古地区用户备案必须提供编办证明吗?'),
  '23': fact(
    [{ name: '网站标识代码', appliesTo: '党政机关、事业单位首次备案、新增网站' }],
    '黑龙江地区用户备案必须取得网站标识代码吗?',
  ),
  '65': fact([{ name: '党政机关确认函', appliesTo: '所有首次备案、新增网站' }], '新疆地区用户备案必须提供党政机关确认函吗?'),
};

const PROOF_OVERRIDES: Readonly<Record<string, Partial<Record<ProofKind, ProofWindow>>>> = {
  '51': { work_certificate: { days: 45 } }, // 四川 工作证明
  '43': { domain_certificate: { days: 45 } }, // 湖南 域名证书
  '42': { commercial_statement: { months: 6 } }, // 湖北 经营性说明书
  '13': { authorisation: { months: 6 } }, // 河北 授权书
};

const ROWS: readonly (readonly [code: string, name: string, abbreviation: string])[] = [
  ['11', '北京', '京'], ['12', '天津', '津'], ['13', '河北', '冀'], ['14', '山西', '晋'], ['15', '内蒙古', '蒙'],
  ['21', '辽宁', '辽'], ['22', '吉林', '吉'], ['23', '黑龙江', '黑'], ['31', '上海', '沪'], ['32', '江苏', '苏'],
  ['33', '浙江', '浙'], ['34', '安徽', '皖'], ['35', '福建', '闽'], ['36', '江西', '赣'], ['37', '山东', '鲁'],
  ['41', '河南', '豫'], ['42', '湖北', '鄂'], ['43', '湖南', '湘'], ['44', '广东', '粤'], ['45', '广西', '桂'],
  ['46', '海南', '琼'], ['50', '重庆', '渝'], ['51', '四川', '蜀'], ['52', '贵州', '黔'], ['53', '云南', '滇'],
  ['54', '西藏', '藏'], ['61', '陕西', '陕'], ['62', '甘肃', '陇'], ['63', '青海', '青'], ['64', '宁夏', '宁'],
  ['65', '新疆', '新'],
];

function province(code: string, name: string, abbreviation: string): Province {
  return {
    code,
    name,
    abbreviation,
    principalMustBeLegalRep: fact(LEGAL_REP_REQUIRED.has(code), H_LEGAL_REP),
    websitePrincipalNeedsAuthorisation: 'unknown',
    // 001 2.1: 广东 hangs the 主体备案号, every other province the 网站备案号.
    footerNumber: fact(code === '44' ? 'subject' : 'website', H_FOOTER),
    oneDomainPerWebsite: fact(ONE_DOMAIN_PER_WEBSITE.has(code), H_ONE_DOMAIN),
    // 001 1.5 covers only 内蒙古, 黑龙江 and 新疆 ("部分省市"); others are not known to need nothing.
    extraDocuments: EXTRA_DOCUMENTS[code] ?? 'unknown',
    // 001 4.5 lists the exceptions to the national rule exhaustively, so "no override" is a known value.
    proofWindowOverrides: fact(PROOF_OVERRIDES[code] ?? {}, H_UPLOADS),
    // 001 section 6 and 5: "部分省份允许…部分省份不允许" without naming them.
    natureChange: 'unknown',
    accessThenChange: 'unknown',
  };
}

export const PROVINCES: Readonly<Record<string, Province>> = Object.fromEntries(
  ROWS.map(([code, name, abbr]) => [code, province(code, name, abbr)]),
);

export const PROVINCE_CODES: readonly string[] = ROWS.map(([code]) => code);

export function getProvince(code: string): Province | undefined {
  return Object.hasOwn(PROVINCES, code) ? PROVINCES[code] : undefined;
}

export function provinceByAbbreviation(abbr: string): Province | undefined {
  return Object.values(PROVINCES).find((p) => p.abbreviation === abbr);
}

/**
 * The province an address names at its start (广东省深圳市… → 广东), or undefined when it names none. Used for
 * 001 2.3 跨省备案: 单位备案不可以跨省备案，所属区域须与主办单位证件住所在同一省.
 */
export function provinceOfAddress(address: string): Province | undefined {
  const a = address.trim();
  return Object.values(PROVINCES).find((p) => a.startsWith(p.name));
}

/** The value of a fact, or the given fallback when the seeds leave it unknown. */
export function factValue<T, F>(f: Fact<T>, fallback: F): T | F {
  return f === 'unknown' ? fallback : f.value;
}

/** Which 备案号 the homepage footer must carry; the national default when the province is unknown. */
export function footerNumberFor(code: string): 'subject' | 'website' {
  const p = getProvince(code);
  return p ? factValue(p.footerNumber, 'website') : 'website';
}

/** The age limit of a dated paper in a province: its override, else the national 3 months. */
export function proofWindowFor(code: string, kind: ProofKind): ProofWindow {
  const p = getProvince(code);
  const overrides = p ? factValue(p.proofWindowOverrides, {}) : {};
  return (overrides as Partial<Record<ProofKind, ProofWindow>>)[kind] ?? NATIONAL_PROOF_WINDOW.value;
}

/** The rules the seeds say vary by 管局 without naming the provinces: what to ask the 管局 instead of a guess. */
export type OpenRule = 'websitePrincipalNeedsAuthorisation' | 'extraDocuments' | 'natureChange' | 'accessThenChange';

export const LOCAL_RULE_TEXT = '以当地管局要求为准';

export const OPEN_RULE_QUESTIONS: Readonly<Record<OpenRule, { ask: string; source: SeedRef }>> = {
  // 001 2.3 网站负责人证件号码重复: 如管局允许授权其他人作为网站负责人，您可下载并提供对应的授权书.
  websitePrincipalNeedsAuthorisation: {
    ask: '网站负责人不是法定代表人时是否须提供授权书，是否允许授权其他人作为网站负责人？',
    source: { file: F001, heading: '网站负责人证件号码重复', row: '如管局允许授权其他人作为网站负责人' },
  },
  // 001 1.5 管局规则FAQ names 内蒙古, 黑龙江 and 新疆 only.
  extraDocuments: {
    ask: '首次备案、新增网站是否须提供特殊材料（如编办证明、网站标识代码、党政机关确认函、居住证等）？',
    source: { file: F001, heading: '1.5. 管局规则FAQ' },
  },
  // 001 6 个人性质备案是否可以变更为企业性质备案?: 部分省份允许变更，部分省份不允许变更; 1.2: 部分地区若个人为企业法人可变更.
  natureChange: {
    ask: '是否允许个人性质备案直接变更为单位性质（或反之）？个人为企业法人时是否可以变更？不允许时须注销后重新首次备案。',
    source: { file: F001, heading: '个人性质备案是否可以变更为企业性质备案?' },
  },
  // 001 5 备案信息有变化可以接入阿里云吗?: 部分省市允许直接接入，部分省市不允许直接接入.
  accessThenChange: {
    ask: '备案成功的信息与实际信息不一致时，是否允许先接入备案、接入成功后再变更？不允许时须先在原接入商变更。',
    source: { file: F001, heading: '备案信息有变化可以接入阿里云吗?' },
  },
};

/** How a rule reads for a reviewer: the seed's value, or "以当地管局要求为准" and what to ask the 管局. */
export function describeRule<T>(f: Fact<T>, render: (v: T) => string, open?: OpenRule): { text: string; known: boolean; ask?: string } {
  if (f !== 'unknown') return { text: render(f.value), known: true };
  return open ? { text: LOCAL_RULE_TEXT, known: false, ask: OPEN_RULE_QUESTIONS[open].ask } : { text: LOCAL_RULE_TEXT, known: false };
}
