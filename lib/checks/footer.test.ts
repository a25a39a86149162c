import { describe, expect, it } from 'vitest';
import { footerAdvice, requiredFooterNumber } from './footer';

const zj = { siteIcpNumber: '浙ICP备12345678号-1', subjectIcpNumber: '浙ICP备12345678号', province: '33' };
const gd = { siteIcpNumber: '粤ICP备87654321号-2', subjectIcpNumber: '粤ICP备87654321号', province: '44' };

// 001 2.1 如何在网站底部添加备案号? (悬挂内容, 悬挂示例) and 多个域名指向同一页面时, 如何在页面底部添加备案号?
describe('requiredFooterNumber', () => {
  it('广东 hangs the 主体备案号, other provinces the 网站备案号', () => {
    expect(requiredFooterNumber(gd)).toEqual({ number: '粤ICP备87654321号', rule: 'province_subject' });
    expect(requiredFooterNumber(zj)).toEqual({ number: '浙ICP备12345678号-1', rule: 'province_website' });
    expect(requiredFooterNumber({ ...gd, province: '' })).toEqual({ number: '粤ICP备87654321号', rule: 'province_subject' });
  });
  it('several domains directly or mixed on one page hang the 主体备案号; indirect pointing keeps the site number', () => {
    expect(requiredFooterNumber({ ...zj, pointing: 'direct' }).number).toBe('浙ICP备12345678号');
    expect(requiredFooterNumber({ ...zj, pointing: 'mixed' }).number).toBe('浙ICP备12345678号');
    expect(requiredFooterNumber({ ...zj, pointing: 'indirect' }).number).toBe('浙ICP备12345678号-1');
    expect(requiredFooterNumber({ ...zj, pointing: 'single' }).number).toBe('浙ICP备12345678号-1');
  });
  it('a 经营性 site hangs its licence number', () => {
    expect(requiredFooterNumber({ ...zj, licenseNumber: ' 浙B2-20080101 ', pointing: 'direct' })).toEqual({ number: '浙B2-20080101', rule: 'license' });
    expect(requiredFooterNumber({ ...zj, licenseNumber: ' ' }).rule).toBe('province_website');
  });
});

// 004 网站首页底部备案号未添加等 (说明): ICP 备案号 and 公安备案号; 主域名和 www. 域名 both open with the number.
describe('footerAdvice', () => {
  it('names the exact number, the code to paste, the 公安备案号 and the www. host', () => {
    const a = footerAdvice(gd);
    expect(a.number).toBe('粤ICP备87654321号');
    expect(a.code).toBe('<a href="https://beian.miit.gov.cn/" target="_blank">粤ICP备87654321号</a>');
    expect(a.steps[0]).toContain('粤ICP备87654321号');
    expect(a.steps.join('')).toContain('公安备案号');
    expect(a.steps.join('')).toContain('www.');
  });
});
