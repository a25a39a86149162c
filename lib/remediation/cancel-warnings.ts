import { suffixNotKnownApproved, suffixOf } from '../rules/domain-suffixes';
import type { OrderType } from './types';

// What the filer must read before confirming a 注销 (shown on the wizard's confirmation step).

/**
 * Warnings for a 注销主体 / 注销网站 of these domains: a domain whose suffix MIIT has not approved can never be
 * filed again once cancelled (001 1.6 and 8, 000); 注销主体 also deletes the subject's websites at other
 * providers (001 8), which this portal cannot see.
 */
export function cancelWarnings(type: OrderType, domains: readonly string[]): string[] {
  if (type !== 'CANCEL_SUBJECT' && type !== 'CANCEL_WEBSITE') return [];
  const out: string[] = [];
  const risky = domains.filter(suffixNotKnownApproved);
  if (risky.length > 0) {
    const list = risky.map((d) => `${d}（.${suffixOf(d)}）`).join('、');
    out.push(`以下域名的后缀不在工信部已批复的域名后缀中：${list}。工信部未批复的域名后缀注销后无法再次备案，也无法再指向中国内地服务器开通访问。提交前请在工信部网站的“中国互联网域名体系”中核实。`);
  }
  if (type === 'CANCEL_SUBJECT') {
    out.push('注销主体会注销该主体在工信部的所有网站，包括在其他接入商处接入的网站。提交前请在工信部备案查询中用主办单位名称查询，确认该主体下没有仍在使用的其他网站；有的话请改为注销网站或取消接入。');
  }
  return out;
}
