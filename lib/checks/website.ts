import type { FindingCode } from '../remediation/types';
import { checkHomepage } from './homepage';

// Website checks of the 专项核查 (issue 8), with the I/O injected: `probes` fetches a homepage and resolves
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
export type DomainReport = { domain: string; addresses: string[]; fetched: FetchResult | null };

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

/** Homepage of the bare domain first, then www. — the two hosts a filed domain's homepage may live on. */
export function hostsFor(domain: string): string[] {
  const bare = domain.toLowerCase().replace(/^www\./, '');
  return [bare, `www.${bare}`];
}

export async function checkWebsite(site: SiteUnderCheck, probes: Probes): Promise<{ findings: WebsiteFinding[]; domains: DomainReport[] }> {
  const findings: WebsiteFinding[] = [];
  const reports: DomainReport[] = [];
  const filed = new Set(site.filedIps);
  const reachable: { html: string; host: string }[] = [];
  let lastFailure: FetchResult | null = null;

  for (const d of site.domains) {
    const addresses = await probes.resolve(d.name).catch(() => [] as string[]);
    if (addresses.length === 0) {
      findings.push({ code: 'DNS_NOT_AT_PROVIDER', websiteId: site.websiteId, domainId: d.id, observed: `${d.name} 无解析记录` });
    } else if (!addresses.some((ip) => filed.has(ip))) {
      findings.push({ code: 'DNS_NOT_AT_PROVIDER', websiteId: site.websiteId, domainId: d.id, observed: `${d.name} 解析至 ${addresses.join('、')}，非备案 IP（${site.filedIps.join('、') || '无'}）` });
    }
    let fetched: FetchResult | null = null;
    let firstFailure: FetchResult | null = null;
    for (const host of hostsFor(d.name)) {
      fetched = await probes.fetchHomepage(host);
      if (fetched.ok) break;
      firstFailure ??= fetched; // the bare domain's failure says more than the www. fallback's
    }
    reports.push({ domain: d.name, addresses, fetched });
    if (fetched?.ok) reachable.push({ html: fetched.html, host: d.name });
    else lastFailure = firstFailure;
  }

  if (reachable.length === 0) {
    const why = lastFailure && !lastFailure.ok ? `${FAILURE_TEXT[lastFailure.reason]}（${lastFailure.detail}）` : '无法访问';
    findings.push({ code: 'SITE_UNREACHABLE', websiteId: site.websiteId, observed: why });
    return { findings, domains: reports };
  }
  // Every reachable domain's homepage must pass: one finding per code, naming the domains that fail.
  const failing = new Map<'FOOTER_ICP_NUMBER_MISSING' | 'SITE_TITLE_MISMATCH', string[]>();
  for (const r of reachable) {
    const problems = checkHomepage(r.html, {
      siteIcpNumber: site.siteIcpNumber,
      subjectIcpNumber: site.subjectIcpNumber,
      siteName: site.siteName,
      province: site.province,
    });
    for (const code of problems) failing.set(code, [...(failing.get(code) ?? []), r.host]);
  }
  for (const [code, hosts] of failing) {
    findings.push({
      code,
      websiteId: site.websiteId,
      observed: code === 'SITE_TITLE_MISMATCH' ? `${hosts.join('、')} 首页标题不包含备案网站名称“${site.siteName}”` : `${hosts.join('、')} 首页底部未找到链接至 beian.miit.gov.cn 的备案号`,
    });
  }
  return { findings, domains: reports };
}
