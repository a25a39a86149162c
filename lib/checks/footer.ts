import { footerNumberFor, getProvince } from '../rules/provinces';
import { parseIcpNumber } from '../validation/ids';

// Which number a homepage footer must show (001 2.1 网站添加备案号FAQ; 004 网站首页底部备案号未添加等). Pure.

/**
 * How several domains reach the page (001 2.1 多个域名指向同一页面时): 直接指向 (all domains on the page) and 混合指向
 * hang the 主体备案号; 间接指向 (A → B → page) hangs the 网站备案号 of the final domain's website.
 */
export type Pointing = 'single' | 'direct' | 'indirect' | 'mixed';

export type FooterFacts = {
  siteIcpNumber: string;
  subjectIcpNumber: string;
  province: string;
  /** 经营性 ICP 许可证编号 (e.g. 浙B2-20080101): a 经营性 site shows it instead (001 2.1 悬挂示例). */
  licenseNumber?: string | null;
  pointing?: Pointing;
};

export type FooterRule = 'license' | 'shared_page_subject' | 'province_subject' | 'province_website';

export const FOOTER_RULE_TEXT: Record<FooterRule, string> = {
  license: '经营性网站悬挂经营许可证编号',
  shared_page_subject: '多个域名直接指向（或混合指向）同一页面时，悬挂主体备案号',
  province_subject: '广东省的备案悬挂主体备案号',
  province_website: '悬挂本网站的网站备案号',
};

/** The province whose rule applies: the filing's, else the one the number's 简称 names. */
function provinceOf(f: FooterFacts): string {
  return getProvince(f.province) ? f.province : (parseIcpNumber(f.siteIcpNumber)?.province ?? '');
}

/** The one number this site's footer must show, and the rule that says so. */
export function requiredFooterNumber(f: FooterFacts): { number: string; rule: FooterRule } {
  if (f.licenseNumber?.trim()) return { number: f.licenseNumber.trim(), rule: 'license' };
  if (f.pointing === 'direct' || f.pointing === 'mixed') return { number: f.subjectIcpNumber, rule: 'shared_page_subject' };
  // 间接指向: the page belongs to the final domain's website, whose own number the province rule picks.
  return footerNumberFor(provinceOf(f)) === 'subject'
    ? { number: f.subjectIcpNumber, rule: 'province_subject' }
    : { number: f.siteIcpNumber, rule: 'province_website' };
}

/** The exact steps for this site, shown on the rectification page instead of the generic rule. */
export function footerAdvice(f: FooterFacts): { number: string; rule: string; code: string; steps: string[] } {
  const { number, rule } = requiredFooterNumber(f);
  const code = `<a href="https://beian.miit.gov.cn/" target="_blank">${number}</a>`;
  return {
    number,
    rule: FOOTER_RULE_TEXT[rule],
    code,
    steps: [
      `本网站首页底部须显示：${number}（${FOOTER_RULE_TEXT[rule]}）。`,
      `请网站开发人员在首页底部加入：${code}（链接到 https://beian.miit.gov.cn/ 或 https://www.beian.miit.gov.cn/ 均可）。`,
      '多个域名指向同一页面的：直接指向或混合指向悬挂主体备案号，间接指向（域名 A 指向域名 B 再指向页面）悬挂最终指向页面的域名的网站备案号。',
      '同时在底部添加公安备案号；尚未办理的，请到全国互联网安全管理服务平台（www.beian.gov.cn）办理公安联网备案后添加。',
      '确认主域名和 www. 域名都能打开，且底部备案号可点击跳转到工信部备案官网，然后申请复核。',
    ],
  };
}
