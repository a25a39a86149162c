// Settings a deployment must make, read in one place. Absolute links the portal sends (sign-in links,
// notices, reminders, order mails) are built from PUBLIC_BASE_URL only: a Host or X-Forwarded-Host header
// is chosen by whoever sends the request, and a sign-in link built from it hands the token to that host.

type Env = Record<string, string | undefined>;

const DEV_FALLBACK = 'http://localhost:3000';

/** Why a PUBLIC_BASE_URL value cannot be used, or null when it can. */
export function publicBaseUrlProblem(value: string | undefined): string | null {
  if (!value || !value.trim()) return '未设置 PUBLIC_BASE_URL（门户对外访问地址，如 https://beian.example.cn）。 PUBLIC_BASE_URL is not set (the public origin of the portal, e.g. https://beian.example.cn).';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `PUBLIC_BASE_URL 不是有效的网址：${value}。 PUBLIC_BASE_URL is not a valid URL: ${value}.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `PUBLIC_BASE_URL 须以 https:// 或 http:// 开头：${value}。 PUBLIC_BASE_URL must start with https:// or http://: ${value}.`;
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return `PUBLIC_BASE_URL 只能包含协议、主机和端口（不含路径、参数）：${value}。 PUBLIC_BASE_URL must be an origin only (scheme, host, port; no path or query): ${value}.`;
  }
  return null;
}

/** Why a TRUSTED_PROXY_HOPS value cannot be used, or null when it can (unset means 0). */
export function trustedProxyHopsProblem(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  return /^(?:[0-9]|10)$/.test(value.trim())
    ? null
    : `TRUSTED_PROXY_HOPS 须为 0–10 的整数（门户前可信反向代理的层数）：${value}。 TRUSTED_PROXY_HOPS must be an integer 0–10 (trusted reverse proxies in front of the portal): ${value}.`;
}

/** Number of reverse proxies in front of the portal whose X-Forwarded-For entries are believed. */
export function trustedProxyHops(env: Env = process.env): number {
  return trustedProxyHopsProblem(env.TRUSTED_PROXY_HOPS) ? 0 : Number(env.TRUSTED_PROXY_HOPS?.trim() || 0);
}

/** Every reason the portal must not start with this environment (production only). */
export function deploymentProblems(env: Env = process.env): string[] {
  if (env.NODE_ENV !== 'production') return [];
  return [publicBaseUrlProblem(env.PUBLIC_BASE_URL), trustedProxyHopsProblem(env.TRUSTED_PROXY_HOPS)].filter((p): p is string => p !== null);
}

/**
 * The portal's public origin, without a trailing slash. Outside production an unset value falls back to
 * the development address; production never gets here without a valid value (instrumentation.ts).
 */
export function publicOrigin(env: Env = process.env): string {
  const value = env.PUBLIC_BASE_URL?.trim();
  if (value && !publicBaseUrlProblem(value)) return new URL(value).origin;
  if (env.NODE_ENV === 'production') throw new Error(publicBaseUrlProblem(value) ?? 'PUBLIC_BASE_URL');
  return DEV_FALLBACK;
}

/**
 * A link Auth.js built for a sign-in e-mail, moved onto the public origin: the path and the token are
 * kept, the host the request claimed is dropped, and an absolute callbackUrl is cut down to its path.
 */
export function onPublicOrigin(link: string, origin: string): string {
  const url = new URL(link);
  const out = new URL(url.pathname + url.search, origin);
  const callback = out.searchParams.get('callbackUrl');
  if (callback) {
    let path = '/';
    try {
      const c = new URL(callback, origin);
      path = c.pathname + c.search + c.hash;
    } catch {
      /* unparseable: the home page */
    }
    out.searchParams.set('callbackUrl', path.startsWith('//') ? '/' : path);
  }
  return out.toString();
}
