import type { FindingCode } from '../remediation/types';
import { checkHomepage } from './homepage';

// Website checks of the 专项核查, with the I/O injected: `probes` fetches a homepage and resolves
// DNS. The orchestration — which hosts to try, what counts as a failure — is pure and unit-tested; the
// Node implementation of the probes lives in lib/checks/http-probe.ts.

export type FetchFailure = 'timeout' | 'too_large' | 'redirect_loop' | 'redirect_elsewhere' | 'connect' | 'http_status' | 'no_address' | 'forbidden_address';
export type FetchResult = { ok: true; status: number; html: string; url: string } | { ok: false; reason: FetchFailure; detail: string };

export type Probes = {
  fetchHomepage: (host: string) => Promise<FetchResult>;
  /** The A/AAAA records of a host, [] when it has none. */
  resolve: (host: string) => Promise<string[]>;
};

export type SiteUnderCheck = {
  websiteId: string;
  domains: { id: string; name: string }[];
  filedIps: string[];
  siteIcpNumber: string;
  subjectIcpNumber: string;
  siteName: string;
  province: string;
};

export type WebsiteFinding = { code: FindingCode; websiteId: string; domainId?: string; observed: string };
/** `fetched`: the first host that opened, else the bare domain's failure; `hosts`: every host fetched. */
export type DomainReport = { domain: string; addresses: string[]; fetched: FetchResult | null; hosts?: { host: string; fetched: FetchResult }[] };

export const FAILURE_TEXT: Record<FetchFailure, string> = {
  timeout: '访问超时',
  too_large: '首页内容过大，超过检查上限',
  redirect_loop: '重定向次数过多（可能存在重定向循环）',
  redirect_elsewhere: '首页重定向到了未备案的域名',
  connect: '无法建立连接',
  http_status: '首页返回错误状态码',
  no_address: '域名无解析记录',
  forbidden_address: '域名解析到本机、内网或保留地址，出于安全原因未访问',
};

/**
 * The two hosts of a filed domain's homepage, bare first. 004 (网站首页底部备案号未添加等, 说明): 已完成备案的域名，
 * 主域名和 www. 域名，都需要可以打开并且底部有备案号并链接工信部备案官网首页 — so both are always fetched.
 */
export function hostsFor(domain: string): string[] {
  const bare = domain.toLowerCase().replace(/^www\./, '');
  return [bare, `www.${bare}`];
}

type Footerish = 'FOOTER_ICP_NUMBER_MISSING' | 'SITE_TITLE_MISMATCH';
const why = (r: FetchResult) => (r.ok ? '' : `${FAILURE_TEXT[r.reason]}（${r.detail}）`);

export async function checkWebsite(site: SiteUnderCheck, probes: Probes): Promise<{ findings: WebsiteFinding[]; domains: DomainReport[] }> {
  const findings: WebsiteFinding[] = [];
  const reports: DomainReport[] = [];
  const filed = new Set(site.filedIps);
  const reachable: { html: string; host: string }[] = [];
  const unopened: { host: string; result: FetchResult }[] = [];

  for (const d of site.domains) {
    const addresses = await probes.resolve(d.name).catch(() => [] as string[]);
    if (addresses.length === 0) {
      findings.push({ code: 'DNS_NOT_AT_PROVIDER', websiteId: site.websiteId, domainId: d.id, observed: `${d.name} 无解析记录` });
    } else if (!addresses.some((ip) => filed.has(ip))) {
      findings.push({ code: 'DNS_NOT_AT_PROVIDER', websiteId: site.websiteId, domainId: d.id, observed: `${d.name} 解析至 ${addresses.join('、')}，非备案 IP（${site.filedIps.join('、') || '无'}）` });
    }
    const hosts: { host: string; fetched: FetchResult }[] = [];
    for (const host of hostsFor(d.name)) hosts.push({ host, fetched: await probes.fetchHomepage(host) });
    for (const h of hosts) {
      if (h.fetched.ok) reachable.push({ html: h.fetched.html, host: h.host });
      else unopened.push({ host: h.host, result: h.fetched });
    }
    // The first host that opened speaks for the domain; otherwise the bare domain's failure says the most.
    const fetched = hosts.find((h) => h.fetched.ok)?.fetched ?? hosts[0]?.fetched ?? null;
    reports.push({ domain: d.name, addresses, fetched, hosts });
  }

  if (reachable.length === 0) {
    const first = unopened[0]?.result;
    findings.push({ code: 'SITE_UNREACHABLE', websiteId: site.websiteId, observed: first && !first.ok ? why(first) : '无法访问' });
    return { findings, domains: reports };
  }
  // Every host must open and pass: one finding per code, naming the hosts that fail. A host that does not open
  // while the site does is a footer failure (004 lists the rule under 网站首页底部备案号未添加等).
  const failing = new Map<Footerish, string[]>();
  for (const r of reachable) {
    const problems = checkHomepage(r.html, {
      siteIcpNumber: site.siteIcpNumber,
      subjectIcpNumber: site.subjectIcpNumber,
      siteName: site.siteName,
      province: site.province,
    });
    for (const code of problems) failing.set(code, [...(failing.get(code) ?? []), r.host]);
  }
  const footerHosts = failing.get('FOOTER_ICP_NUMBER_MISSING') ?? [];
  if (footerHosts.length > 0 || unopened.length > 0) {
    const parts = [
      ...(footerHosts.length > 0 ? [`${footerHosts.join('、')} 首页底部未找到链接至 beian.miit.gov.cn 的备案号`] : []),
      ...(unopened.length > 0 ? [`${unopened.map((u) => `${u.host} 无法打开：${why(u.result)}`).join('；')}（主域名和 www. 域名都须能打开并显示备案号）`] : []),
    ];
    findings.push({ code: 'FOOTER_ICP_NUMBER_MISSING', websiteId: site.websiteId, observed: parts.join('；') });
  }
  const titleHosts = failing.get('SITE_TITLE_MISMATCH');
  if (titleHosts) {
    findings.push({ code: 'SITE_TITLE_MISMATCH', websiteId: site.websiteId, observed: `${titleHosts.join('、')} 首页标题不包含备案网站名称“${site.siteName}”` });
  }
  return { findings, domains: reports };
}
