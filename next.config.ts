import type { NextConfig } from 'next';
import { hstsHeader, STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory: bundling breaks that.
  serverExternalPackages: ['@electric-sql/pglite', '@react-email/render', '@react-email/components', 'chinese-days'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // The CSV import takes files up to MAX_IMPORT_BYTES (20 MB, db/imports/files.ts) plus the multipart envelope.
  // The proxy buffers request bodies up to its own limit (10 MB by default) and would cut a larger upload.
  experimental: { serverActions: { bodySizeLimit: '21mb' }, proxyClientMaxBodySize: '21mb' },
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS, ...hstsHeader(process.env.NODE_ENV === 'production')] }];
  },
};

export default nextConfig;
