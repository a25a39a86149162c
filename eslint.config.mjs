// Next's recommended rules (core web vitals) and typescript-eslint's recommended set, plus the one layering
// rule the architecture depends on: lib/ and components/ never import from app/ (routes own their actions).
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const layering = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['@/app', '@/app/*', '**/app/*'], message: 'lib/ and components/ must not import from app/: pass actions in as props.' },
      ],
    },
  ],
};

// Routes render and call db/ functions; they never write SQL themselves.
const routesUseDb = {
  'no-restricted-imports': [
    'error',
    { paths: ['drizzle-orm'], patterns: [{ group: ['@/db/schema', '@/db/schema/*'], message: 'Routes call a query in db/, they do not read tables.' }] },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'], rules: layering },
  { files: ['app/**/*.{ts,tsx}'], rules: routesUseDb },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  globalIgnores(['.next/**', '.data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'next-env.d.ts']),
]);
