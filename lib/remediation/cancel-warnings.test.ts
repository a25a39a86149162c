import { describe, expect, it } from 'vitest';
import { suffixNotKnownApproved, suffixOf } from '../rules/domain-suffixes';
import { cancelWarnings } from './cancel-warnings';

// 001 1.6 注销备案对网站访问的影响 / 8 注销主体与注销网站有什么区别?: 工信部未批复的域名后缀注销后无法再次备案;
// 000 收到阿里云备案信息核查通知，备案信息已不再使用怎么办? 说明; 001 1.7 域名对应的顶级域未经中国工信部批复 (xxxx.name).
describe('cancelWarnings', () => {
  it('names the domains whose suffix MIIT has not approved, before a 注销', () => {
    const [w] = cancelWarnings('CANCEL_WEBSITE', ['example.cn', 'blog.example.io', 'me.name']);
    expect(w).toContain('blog.example.io（.io）');
    expect(w).toContain('me.name（.name）');
    expect(w).not.toContain('example.cn');
    expect(w).toContain('注销后无法再次备案');
    expect(cancelWarnings('CANCEL_WEBSITE', ['example.com.cn', 'a.中国'])).toEqual([]);
  });
  // 001 8: 注销主体 "同时注销该主体下备案的所有网站".
  it('warns that 注销主体 deletes websites at other providers too', () => {
    const w = cancelWarnings('CANCEL_SUBJECT', ['example.com']);
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('其他接入商');
  });
  it('says nothing for other orders', () => {
    expect(cancelWarnings('CANCEL_ACCESS', ['x.io'])).toEqual([]);
    expect(cancelWarnings('CHANGE_WEBSITE', ['x.io'])).toEqual([]);
  });
  it('reads the suffix as the last label', () => {
    expect(suffixOf(' Example.COM.cn. ')).toBe('cn');
    expect(suffixNotKnownApproved('x.top')).toBe(false);
    expect(suffixNotKnownApproved('x.dev')).toBe(true);
  });
});
