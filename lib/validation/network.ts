import { z } from 'zod';
import { ADDRESS_CLASS_LABELS, classifyAddress } from '@/lib/net/address';

// Domain names (ASCII, punycode and 中文域名) and server IP addresses.

export const DOMAIN_MESSAGE = '请输入正确的域名，如 example.com（不含 http:// 和路径）';
export const IP_MESSAGE = '请输入正确的 IPv4 或 IPv6 地址';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The ASCII (punycode) form of a domain name, or null when it is not a plain host name.
 * IDN conversion uses the WHATWG URL parser, available in browsers and Node alike.
 */
export function toAsciiDomain(input: string): string | null {
  const text = input.trim().replace(/\.$/, '');
  if (!text || /[\s/\\:@?#%*]/.test(text) || text.includes('..')) return null;
  let host: string;
  try {
    host = new URL(`http://${text}`).hostname;
  } catch {
    return null;
  }
  if (host.length > 253) return null;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  return TLD.test(labels[labels.length - 1] ?? '') ? host : null;
}

export const isValidDomain = (s: string): boolean => toAsciiDomain(s) !== null;

export const domainSchema = z.string().trim().refine(isValidDomain, { error: DOMAIN_MESSAGE });

const ipv4 = z.ipv4();
const ipv6 = z.ipv6();
export const isValidIp = (s: string): boolean => ipv4.safeParse(s).success || ipv6.safeParse(s).success;

export const ipSchema = z.string().trim().refine(isValidIp, { error: IP_MESSAGE });

export const PUBLIC_IP_MESSAGE = '请填写公网 IP 地址';

/**
 * 接入 IP: the address the website is reached at from the internet, so a private, loopback, link-local,
 * carrier-grade NAT, multicast or reserved address (lib/net/address.ts classifies them) is refused at the field.
 */
export const publicIpSchema = ipSchema.superRefine((ip, c) => {
  const cls = classifyAddress(ip);
  if (cls === 'public' || cls === 'invalid') return;
  c.addIssue({ code: 'custom', message: `${PUBLIC_IP_MESSAGE}：${ip} 是${ADDRESS_CLASS_LABELS[cls]}，互联网上无法访问` });
});
