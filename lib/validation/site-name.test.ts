import { describe, expect, it } from 'vitest';
import { checkSiteName, siteNameSchema, siteNameSchemaFor, type SiteNameContext } from './site-name';

const company: SiteNameContext = { nature: 'enterprise', domains: ['example.com'], isStateBody: false };
const person: SiteNameContext = { nature: 'personal', domains: ['zhangsan.cn'], isStateBody: false };
const rules = (name: string, ctx: SiteNameContext = company) => checkSiteName(name, ctx).map((v) => v.rule);

describe('网站名称 rules (001 2.3 网站名称不合格, 003 网站名称违规)', () => {
  it('accepts ordinary names', () => {
    expect(rules('杭州某某科技有限公司官网')).toEqual([]);
    expect(rules('张三的读书笔记', person)).toEqual([]);
    expect(rules('ABC科技资讯')).toEqual([]);
  });
  it('requires a name', () => expect(rules('  ')).toEqual(['required']));
  it('requires three Chinese characters', () => {
    expect(rules('科技网')).toEqual([]);
    expect(rules('科技ABC')).toEqual(['min_chinese_chars']);
  });
  it('rejects names of only digits or letters', () => {
    expect(rules('abc123')).toEqual(['min_chinese_chars', 'only_digits_or_letters']);
  });
  it('rejects symbols and spaces', () => {
    expect(rules('某某科技!官网')).toEqual(['symbols']);
    expect(rules('某某 科技')).toEqual(['symbols']);
  });
  it('rejects the domain as the name', () => {
    expect(rules('example.com')).toContain('domain_as_name');
    expect(rules('Example')).toContain('domain_as_name');
    expect(checkSiteName('中文网', { ...company, domains: ['www.中文网.cn'] }).map((v) => v.rule)).toContain('domain_as_name');
  });
  it('rejects state prefixes unless the subject is a state body', () => {
    const v = checkSiteName('中国好物推荐', company);
    expect(v.map((x) => x.rule)).toEqual(['state_prefix']);
    expect(v[0]?.message).toContain('中国');
    expect(rules('国家图书资讯', { ...company, isStateBody: true })).toEqual([]);
    expect(rules('好物中国推荐')).toEqual([]); // 字头 means prefix
  });
  it('rejects sensitive words', () => {
    const v = checkSiteName('某某赌博资讯网', company);
    expect(v).toEqual([{ rule: 'sensitive_word', message: '网站名称不能使用敏感词：赌博' }]);
  });
  it('is stricter for personal filings', () => {
    expect(rules('张三科技有限公司', person)).toEqual(['personal_forbidden_word']);
    expect(rules('张三的商城', person)).toEqual(['personal_forbidden_word']);
    expect(rules('张三科技有限公司', company)).toEqual([]);
  });
  it('reports every violated rule at once', () => {
    expect(rules('中国公司!', person)).toEqual(['symbols', 'state_prefix', 'personal_forbidden_word']);
    expect(rules('中国!', person)).toEqual(['min_chinese_chars', 'symbols', 'state_prefix']);
  });
});

describe('site name schemas', () => {
  it('checks the context-free rules', () => {
    expect(siteNameSchema.safeParse('某某科技网').success).toBe(true);
    const r = siteNameSchema.safeParse('abc');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['网站名称须包含三个或三个以上汉字', '网站名称不能是纯数字或纯英文字母']);
  });
  it('checks the full rules once the subject is known', () => {
    expect(siteNameSchemaFor(person).safeParse('张三的官网').success).toBe(false);
    expect(siteNameSchemaFor(company).safeParse('张三的官网').success).toBe(true);
  });
});
