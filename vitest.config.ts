import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = {
  '@': fileURLToPath(new URL('./', import.meta.url)),
  'server-only': fileURLToPath(new URL('./tests/support/empty.ts', import.meta.url)),
};

// Two projects: pure unit tests of lib/ (fast, coverage-gated) and db integration tests that
// run against PGlite and, when TEST_DATABASE_URL is set, against that PostgreSQL server too.
export default defineConfig({
  resolve: { alias },
  test: {
    coverage: {
      provider: 'v8',
      include: ['lib/remediation/**', 'lib/validation/**', 'lib/checks/**', 'lib/rules/**', 'lib/orders/**'],
      exclude: ['**/*.test.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95 },
    },
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // next-auth imports 'next/server' without an extension, which Node's own loader cannot resolve;
          // through Vite it loads, and tests can supply Next's request context (next/headers) to it.
          server: { deps: { inline: ['next-auth'] } },
        },
      },
    ],
  },
});
