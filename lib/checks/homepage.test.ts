import { describe, expect, it } from 'vitest';
import { checkHomepage, isMiitLink, showsNumber } from './homepage';

const zj = { siteIcpNumber: '浙ICP备12345678号-1', subjectIcpNumber: '浙ICP备12345678号', siteName: '某某科技官网', province: '33' };
const gd = { siteIcpNumber: '粤ICP备87654321号-2', subjectIcpNumber: '粤ICP备87654321号', siteName: '某某贸易', province: '44' };

const page = (footer: string, title = '某某科技官网 - 首页') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><main>内容</main><footer>${footer}</footer></body></html>`;

describe('checkHomepage — footer 备案号', () => {
  it('passes a linked 网站备案号 (004 通用代码)', () => {
    expect(checkHomepage(page('<a href="https://beian.miit.gov.cn/" target="_blank">浙ICP备12345678号-1</a>'), zj)).toEqual([]);
  });
  it('accepts http, no trailing slash, a path, and a protocol-relative link', () => {
    for (const href of ['http://beian.miit.gov.cn', 'https://beian.miit.gov.cn', 'https://beian.miit.gov.cn/#/Integrated/index', '//beian.miit.gov.cn/', 'HTTPS://BEIAN.MIIT.GOV.CN/']) {
      expect(checkHomepage(page(`<a href="${href}">浙ICP备12345678号-1</a>`), zj)).toEqual([]);
    }
  });
  it('tolerates surrounding text and whitespace inside the link', () => {
    const footer = `<a href="https://beian.miit.gov.cn/">ICP备案号：
        <span>浙ICP备12345678号-1</span> </a>`;
    expect(checkHomepage(page(footer), zj)).toEqual([]);
  });
  it('fails when there is no footer number', () => {
    expect(checkHomepage(page('© 2026 某某科技'), zj)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
  });
  it('fails when the number is shown but not linked', () => {
    expect(checkHomepage(page('<span>浙ICP备12345678号-1</span> <a href="/about">关于我们</a>'), zj)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
  });
  it('fails when the link goes to the wrong host', () => {
    for (const href of ['https://www.miit.gov.cn/', 'https://beian.miit.gov.cn.example.com/', 'https://example.com/?u=beian.miit.gov.cn', '/beian.miit.gov.cn', 'ftp://beian.miit.gov.cn/', 'javascript:void(0)', 'http://[bad']) {
      expect(checkHomepage(page(`<a href="${href}">浙ICP备12345678号-1</a>`), zj)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
    }
  });
  it('fails when the link has no href or a wrong number', () => {
    expect(checkHomepage(page('<a>浙ICP备12345678号-1</a>'), zj)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
    expect(checkHomepage(page('<a href="https://beian.miit.gov.cn/">浙ICP备12345678号-12</a>'), zj)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
    expect(checkHomepage(page('<a href="https://beian.miit.gov.cn/">浙ICP备12345678号</a>'), zj)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
  });
  // 001 2.1 and 004 link to beian.miit.gov.cn; www.beian.miit.gov.cn is the same MIIT site.
  it('accepts links to www.beian.miit.gov.cn', () => {
    for (const href of ['https://www.beian.miit.gov.cn/', 'http://www.beian.miit.gov.cn/#/Integrated/index', '//WWW.BEIAN.MIIT.GOV.CN']) {
      expect(checkHomepage(page(`<a href="${href}">浙ICP备12345678号-1</a>`), zj)).toEqual([]);
    }
    expect(checkHomepage(page('<a href="https://www2.beian.miit.gov.cn/">浙ICP备12345678号-1</a>'), zj)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
  });
  // 001 2.1 悬挂示例: 经营性备案和非经营性备案的悬挂备案号要求不同 — 经营性 shows 浙B2-20080101.
  it('a 经营性 site must show its licence number', () => {
    const lic = { ...zj, licenseNumber: '浙B2-20080101' };
    expect(checkHomepage(page('<a href="https://beian.miit.gov.cn/">ICP证：浙B2-20080101</a>'), lic)).toEqual([]);
    expect(checkHomepage(page('<a href="https://beian.miit.gov.cn/">浙ICP备12345678号-1</a>'), lic)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
  });
  // 001 2.1 多个域名指向同一页面时: 直接指向 / 混合指向 → 主体备案号; 间接指向 → 最终指向页面域名的网站备案号.
  it('several domains on one page: subject number for direct or mixed pointing, the site number for indirect', () => {
    const subject = page('<a href="https://beian.miit.gov.cn/">浙ICP备12345678号</a>');
    const site = page('<a href="https://beian.miit.gov.cn/">浙ICP备12345678号-1</a>');
    expect(checkHomepage(subject, { ...zj, pointing: 'direct' })).toEqual([]);
    expect(checkHomepage(subject, { ...zj, pointing: 'mixed' })).toEqual([]);
    expect(checkHomepage(site, { ...zj, pointing: 'direct' })).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
    expect(checkHomepage(site, { ...zj, pointing: 'indirect' })).toEqual([]);
    expect(checkHomepage(subject, { ...zj, pointing: 'indirect' })).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
  });
  it('requires the 主体备案号 in 广东', () => {
    const subject = '<a href="https://beian.miit.gov.cn/">粤ICP备87654321号</a>';
    const site = '<a href="https://beian.miit.gov.cn/">粤ICP备87654321号-2</a>';
    expect(checkHomepage(page(subject, '某某贸易'), gd)).toEqual([]);
    expect(checkHomepage(page(site, '某某贸易'), gd)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
  });
  it('falls back on the 简称 of the number when the province is missing', () => {
    const subject = '<a href="https://beian.miit.gov.cn/">粤ICP备87654321号</a>';
    expect(checkHomepage(page(subject, '某某贸易'), { ...gd, province: '' })).toEqual([]);
    expect(checkHomepage(page(subject, '某某贸易'), { ...gd, province: '99' })).toEqual([]);
    expect(checkHomepage(page(subject, '某某贸易'), { ...gd, province: '', siteIcpNumber: 'garbage' })).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
  });
  it('fails when no number was filed', () => {
    expect(checkHomepage(page('<a href="https://beian.miit.gov.cn/">备案</a>'), { ...zj, siteIcpNumber: ' ' })).toContain('FOOTER_ICP_NUMBER_MISSING');
  });
  it('finds links inside <template> but not SVG look-alikes', () => {
    expect(checkHomepage(page('<template><a href="https://beian.miit.gov.cn/">浙ICP备12345678号-1</a></template>'), zj)).toEqual([]);
    const svg = '<svg><a href="https://beian.miit.gov.cn/"><text>浙ICP备12345678号-1</text></a></svg>';
    expect(checkHomepage(page(svg), zj)).toEqual(['FOOTER_ICP_NUMBER_MISSING']);
  });
});

describe('checkHomepage — title vs 网站名称', () => {
  const footer = '<a href="https://beian.miit.gov.cn/">浙ICP备12345678号-1</a>';
  it('passes a title equal to or containing the whole filed name', () => {
    expect(checkHomepage(page(footer, '某某科技官网'), zj)).toEqual([]);
    expect(checkHomepage(page(footer, '  欢迎访问\n  某某科技官网  '), zj)).toEqual([]);
  });
  it('normalises whitespace in the filed name too', () => {
    expect(checkHomepage(page(footer, '某某 科技'), { ...zj, siteName: ' 某某  科技 ' })).toEqual([]);
  });
  it('fails a title that lacks the name or holds only part of it', () => {
    expect(checkHomepage(page(footer, '某某科技'), zj)).toEqual(['SITE_TITLE_MISMATCH']);
    expect(checkHomepage(page(footer, 'Welcome'), zj)).toEqual(['SITE_TITLE_MISMATCH']);
  });
  it('fails a page without a title, ignoring an SVG <title>', () => {
    const html = `<html><body><svg><title>某某科技官网</title></svg>${footer}</body></html>`;
    expect(checkHomepage(html, zj)).toEqual(['SITE_TITLE_MISMATCH']);
  });
  it('fails when no name was filed', () => {
    expect(checkHomepage(page(footer), { ...zj, siteName: '' })).toEqual(['SITE_TITLE_MISMATCH']);
  });
  it('reports both findings, footer first', () => {
    expect(checkHomepage('<html><head><title>x</title></head></html>', zj)).toEqual(['FOOTER_ICP_NUMBER_MISSING', 'SITE_TITLE_MISMATCH']);
  });
  it('copes with garbage HTML', () => {
    expect(checkHomepage('<<<>>>', zj)).toEqual(['FOOTER_ICP_NUMBER_MISSING', 'SITE_TITLE_MISMATCH']);
  });
});

describe('helpers', () => {
  it('recognises MIIT links', () => {
    expect(isMiitLink(' https://beian.miit.gov.cn/ ')).toBe(true);
    expect(isMiitLink('https://miit.gov.cn/')).toBe(false);
  });
  it('matches whole 备案号 only', () => {
    expect(showsNumber('浙ICP备1号-1 浙ICP备1号', '浙ICP备1号')).toBe(true);
    expect(showsNumber('浙ICP备1号-1', '浙ICP备1号')).toBe(false);
    expect(showsNumber('浙ICP备12号', '浙ICP备1')).toBe(false);
  });
});
