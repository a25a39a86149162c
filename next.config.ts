import type { NextConfig } from 'next';
import { hstsHeader, STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory: bundling breaks that.
  serverExternalPackages: ['@electric-sql/pglite', '@react-email/render', '@react-email/components'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: '5mb' } },
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS, ...hstsHeader(process.env.NODE_ENV === 'production')] }];
  },
};

export default nextConfig;
