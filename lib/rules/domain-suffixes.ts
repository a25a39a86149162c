// Domain suffixes and 注销 (001 1.6 注销备案对网站访问的影响 and 8 注销主体与注销网站有什么区别?: 工信部未批复的域名后缀
// 注销后无法再次备案; 000 收到…核查通知，备案信息已不再使用怎么办? 说明: 部分域名注销备案后，无法再次申请备案).
// The authority is the MIIT list 中国互联网域名体系, which the seeds name but do not quote; this table holds widely
// used suffixes on that list, and anything not in it is treated as "not known to be approved" — the filer is
// warned and pointed to the MIIT list rather than told it is safe. 001 1.7 names .name as 「TLD未批复」.

export const APPROVED_SUFFIXES: ReadonlySet<string> = new Set([
  'cn', '中国', '公司', '网络', 'com', 'net', 'org', 'biz', 'info', 'mobi', 'cc', 'tv',
  'top', 'xyz', 'vip', 'club', 'shop', 'site', 'online', 'store', 'tech', 'fun', 'ltd', 'group',
  'link', 'work', 'wang', 'ren', 'red', 'kim', 'pub', 'live', 'art', 'ink', 'design', 'cloud', 'love', 'team', 'asia',
]);

/** The last label of a domain, lower-cased (example.com.cn → cn). */
export function suffixOf(domain: string): string {
  const labels = domain.trim().toLowerCase().replace(/\.$/, '').split('.');
  return labels[labels.length - 1] ?? '';
}

/** True unless the suffix is known to be approved by MIIT. */
export function suffixNotKnownApproved(domain: string): boolean {
  return !APPROVED_SUFFIXES.has(suffixOf(domain));
}
