import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory: bundling breaks that.
  serverExternalPackages: ['@electric-sql/pglite', '@react-email/render', '@react-email/components'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: '5mb' } },
};

export default nextConfig;
