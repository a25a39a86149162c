import { describe, expect, it } from 'vitest';
import {
  NATIONAL_PROOF_WINDOW,
  PROVINCES,
  PROVINCE_CODES,
  factValue,
  footerNumberFor,
  getProvince,
  proofWindowFor,
  provinceByAbbreviation,
  provinceOfAddress,
  describeRule,
  OPEN_RULE_QUESTIONS,
} from './provinces';

const known = <T>(f: { value: T } | 'unknown'): T => {
  if (f === 'unknown') throw new Error('expected a known fact');
  return f.value;
};

describe('province table', () => {
  it('has the 31 mainland provinces keyed by GB/T 2260 code, with distinct 简称', () => {
    expect(PROVINCE_CODES).toHaveLength(31);
    expect(PROVINCE_CODES[0]).toBe('11');
    expect(PROVINCE_CODES[30]).toBe('65');
    const abbrs = Object.values(PROVINCES).map((p) => p.abbreviation);
    expect(abbrs.join('')).toBe('京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝蜀黔滇藏陕陇青宁新');
    expect(new Set(abbrs).size).toBe(31);
    expect(getProvince('33')?.name).toBe('浙江');
  });

  it('looks provinces up by code and by 简称', () => {
    expect(getProvince('99')).toBeUndefined();
    expect(getProvince('toString')).toBeUndefined();
    expect(provinceByAbbreviation('蜀')?.code).toBe('51');
    expect(provinceByAbbreviation('川')).toBeUndefined();
  });

  it('requires the 主体负责人 to be the 法定代表人 in the 18 provinces 001 names', () => {
    const required = Object.values(PROVINCES).filter((p) => known(p.principalMustBeLegalRep)).map((p) => p.name);
    expect(required.sort()).toEqual(
      ['宁夏', '西藏', '山东', '广东', '湖北', '云南', '浙江', '贵州', '黑龙江', '陕西', '内蒙古', '上海', '江西', '湖南', '天津', '河南', '福建', '重庆'].sort(),
    );
  });

  it('puts the 主体备案号 in 广东 footers and the 网站备案号 elsewhere', () => {
    expect(footerNumberFor('44')).toBe('subject');
    expect(footerNumberFor('33')).toBe('website');
    expect(footerNumberFor('99')).toBe('website');
  });

  it('allows one domain per website in 湖北 and 湖南 only', () => {
    const one = Object.values(PROVINCES).filter((p) => known(p.oneDomainPerWebsite)).map((p) => p.code);
    expect(one).toEqual(['42', '43']);
  });

  it('records the extra documents of 内蒙古, 黑龙江 and 新疆, and unknown elsewhere', () => {
    expect(known(PROVINCES['15']!.extraDocuments)[0]?.name).toBe('编办证明');
    expect(known(PROVINCES['23']!.extraDocuments)[0]?.name).toBe('网站标识代码');
    expect(known(PROVINCES['65']!.extraDocuments)[0]?.name).toBe('党政机关确认函');
    expect(PROVINCES['33']!.extraDocuments).toBe('unknown');
  });

  it('marks what the seeds leave open as unknown and dates what they state', () => {
    for (const p of Object.values(PROVINCES)) {
      expect(p.accessThenChange).toBe('unknown');
      expect(p.natureChange).toBe('unknown');
      expect(p.websitePrincipalNeedsAuthorisation).toBe('unknown');
      for (const f of [p.principalMustBeLegalRep, p.footerNumber, p.oneDomainPerWebsite, p.proofWindowOverrides]) {
        expect(f).not.toBe('unknown');
        if (f !== 'unknown') expect(f.asOf).toBe('2026-11');
      }
    }
  });

  it('gives the proof windows: national 3 months and the provincial exceptions', () => {
    expect(NATIONAL_PROOF_WINDOW.value).toEqual({ months: 3 });
    expect(proofWindowFor('33', 'authorisation')).toEqual({ months: 3 });
    expect(proofWindowFor('13', 'authorisation')).toEqual({ months: 6 });
    expect(proofWindowFor('42', 'commercial_statement')).toEqual({ months: 6 });
    expect(proofWindowFor('51', 'work_certificate')).toEqual({ days: 45 });
    expect(proofWindowFor('43', 'domain_certificate')).toEqual({ days: 45 });
    expect(proofWindowFor('99', 'proof')).toEqual({ months: 3 });
  });

  it('reads facts with a fallback for unknown ones', () => {
    expect(factValue(PROVINCES['44']!.footerNumber, 'website')).toBe('subject');
    expect(factValue(PROVINCES['44']!.accessThenChange, null)).toBeNull();
  });
});

// What the seeds leave to each 管局 (001 2.3 网站负责人证件号码重复; 1.5 管局规则FAQ; 6 个人性质备案是否可以变更为企业性质备案?;
// 5 备案信息有变化可以接入阿里云吗?) reads "以当地管局要求为准" with the question to put to the 管局, never a bare 未知.
describe('describeRule', () => {
  it('renders a known fact, and an open one as the local rule plus what to ask', () => {
    const zj = PROVINCES['33']!;
    expect(describeRule(zj.footerNumber, (v) => v)).toEqual({ text: 'website', known: true });
    const open = describeRule(zj.accessThenChange, String, 'accessThenChange');
    expect(open).toEqual({ text: '以当地管局要求为准', known: false, ask: OPEN_RULE_QUESTIONS.accessThenChange.ask });
    expect(describeRule(zj.natureChange, String)).toEqual({ text: '以当地管局要求为准', known: false });
    for (const q of Object.values(OPEN_RULE_QUESTIONS)) expect(q.ask).toMatch(/？/);
  });
  it('reads the province an address names', () => {
    expect(provinceOfAddress('广西壮族自治区南宁市青秀区民族大道1号')?.code).toBe('45');
    expect(provinceOfAddress('  北京市海淀区中关村大街1号')?.code).toBe('11');
    expect(provinceOfAddress('南宁市青秀区')).toBeUndefined();
  });
});
