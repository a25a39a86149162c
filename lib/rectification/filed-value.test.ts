import { describe, expect, it } from 'vitest';
import { filedFacts, filedValueNow, type FiledNow } from './filed-value';

const now: FiledNow = {
  subject: { name: '武汉江城餐饮集团有限公司', certNumber: '91420106MA4K5L6M7X', certAddress: '湖北省武汉市武昌区中北路108号' },
  website: { name: '李娜的读书笔记', icpNumber: '苏ICP备2022033321号-1' },
  domain: { name: 'jinchengwuliu.cn' },
};

describe('the filed value at the check and now', () => {
  it('reads the current value of what the finding recorded', () => {
    expect(filedValueNow('SUBJECT_NAME_MISMATCH', now)).toBe('武汉江城餐饮集团有限公司');
    expect(filedValueNow('SUBJECT_CERT_ADDRESS_MISMATCH', now)).toBe('湖北省武汉市武昌区中北路108号');
    expect(filedValueNow('SITE_NAME_VIOLATION', now)).toBe('李娜的读书笔记');
    expect(filedValueNow('SITE_TITLE_MISMATCH', { ...now, website: null })).toBeNull();
    expect(filedValueNow('FOOTER_ICP_NUMBER_MISSING', now)).toBe('苏ICP备2022033321号-1');
    expect(filedValueNow('DOMAIN_EXPIRED', now)).toBe('jinchengwuliu.cn');
    expect(filedValueNow('SUBJECT_CONTACT_INVALID', now)).toBeNull();
  });

  it('after a rename: the value at the check, and what is filed now', () => {
    expect(filedFacts('SUBJECT_NAME_MISMATCH', '武汉江城餐饮管理有限公司', now)).toEqual({ atCheck: '武汉江城餐饮管理有限公司', changedTo: '武汉江城餐饮集团有限公司' });
    expect(filedFacts('SITE_NAME_VIOLATION', 'linareads.cn', now)).toEqual({ atCheck: 'linareads.cn', changedTo: '李娜的读书笔记' });
  });

  it('nothing changed, nothing recorded, or nothing known: no second value', () => {
    expect(filedFacts('SITE_NAME_VIOLATION', '李娜的读书笔记', now).changedTo).toBeNull();
    expect(filedFacts('SITE_NAME_VIOLATION', null, now)).toEqual({ atCheck: null, changedTo: null });
    expect(filedFacts('WEBSITE_CONTACT_INVALID', '13923450016', now).changedTo).toBeNull();
  });
});
