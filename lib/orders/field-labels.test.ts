import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, fieldLabel } from './field-labels';

describe('fieldLabel', () => {
  it('names subject, principal and domain paths in Chinese, by section', () => {
    expect(fieldLabel('CHANGE_SUBJECT', 'subject.certNumber')).toBe('主办单位 · 证件号码');
    expect(fieldLabel('FIRST_FILING', 'principal.email')).toBe('主体负责人 · 电子邮箱');
    // In a 变更网站 the top-level principal is the website's.
    expect(fieldLabel('CHANGE_WEBSITE', 'principal.mobile')).toBe('网站负责人 · 手机号码');
    expect(fieldLabel('NEW_WEBSITE', 'website.principal.mobile')).toBe('网站负责人 · 手机号码');
    expect(fieldLabel('NEW_WEBSITE', 'website.domains.0.name')).toBe('域名 1 · 域名');
    expect(fieldLabel('CHANGE_ACCESS', 'ips')).toBe('IP 地址');
  });
  it('an unknown leaf or path reads as its key', () => {
    expect(fieldLabel('FIRST_FILING', 'website.principal.weird')).toBe('网站负责人 · weird');
    expect(fieldLabel('FIRST_FILING', 'website.domains.1.other')).toBe('域名 2 · other');
    expect(fieldLabel('FIRST_FILING', 'odd')).toBe('odd');
  });
  it('has no label for the 注销 confirmation: it is not a field of the filing', () => {
    expect(FIELD_LABELS.confirmed).toBeUndefined();
  });
});
