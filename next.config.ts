import type { NextConfig } from 'next';
import { hstsHeader, STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory: bundling breaks that.
  serverExternalPackages: ['@electric-sql/pglite', '@react-email/render', '@react-email/components', 'chinese-days'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Server actions carry form fields only (a sign-in, a draft save): 1 MB (ACTION_BODY_LIMIT_BYTES,
  // lib/http/body-limits.ts). Files go to their own route handlers, which bypass the proxy and read their
  // bodies up to their own limits; the proxy answers 413 to any larger declared body before it is read.
  experimental: { serverActions: { bodySizeLimit: '1mb' }, proxyClientMaxBodySize: '1mb' },
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS, ...hstsHeader(process.env.NODE_ENV === 'production')] }];
  },
};

export default nextConfig;
