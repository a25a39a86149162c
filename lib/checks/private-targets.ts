import { classifyAddress } from '../net/address';

// CHECK_ALLOW_PRIVATE=1 lets the website probe reach loopback and private addresses. It exists for tests and
// the local demo only, where every filed domain is pinned to a local sites server (CHECK_RESOLVE_TO). The
// rule that keeps it out of production: the setting is honoured only when the portal itself is served on
// a loopback origin (PUBLIC_BASE_URL on localhost, 127.0.0.0/8 or ::1), or, with no PUBLIC_BASE_URL, outside
// NODE_ENV=production. A deployment's PUBLIC_BASE_URL is the public origin its e-mailed links point to,
// so it can never be loopback there, and a stray CHECK_ALLOW_PRIVATE=1 is refused with an error.

export type PrivateTargetsDecision = { allowed: boolean; log?: { level: 'warn' | 'error'; message: string } };

const isLoopbackHost = (host: string): boolean => {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || classifyAddress(h) === 'loopback';
};

export function privateTargetsPolicy(env: Readonly<Record<string, string | undefined>>): PrivateTargetsDecision {
  if (env.CHECK_ALLOW_PRIVATE !== '1') return { allowed: false };
  const base = env.PUBLIC_BASE_URL?.trim();
  let loopbackOrigin = false;
  if (base) {
    try {
      loopbackOrigin = isLoopbackHost(new URL(base).hostname);
    } catch {
      loopbackOrigin = false;
    }
  }
  const allowed = base ? loopbackOrigin : env.NODE_ENV !== 'production';
  if (!allowed) {
    return {
      allowed: false,
      log: {
        level: 'error',
        message:
          `[checks] 已忽略 CHECK_ALLOW_PRIVATE=1：该设置仅供本机测试，门户地址（PUBLIC_BASE_URL=${base ?? '未设置'}）不是本机地址，网站检查仍拒绝访问内网地址。` +
          ` / CHECK_ALLOW_PRIVATE=1 ignored: it is for local tests only and PUBLIC_BASE_URL is not a loopback origin; website checks still refuse private addresses.`,
      },
    };
  }
  return {
    allowed: true,
    log: {
      level: 'warn',
      message:
        '[checks] 警告：CHECK_ALLOW_PRIVATE=1，网站检查可以访问本机和内网地址。仅用于测试，切勿在生产环境设置。' +
        ' / WARNING: CHECK_ALLOW_PRIVATE=1, website checks may reach loopback and private addresses. Test-only: never set it in production.',
    },
  };
}
