import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

describe('safeCallbackPath', () => {
  it.each([
    ['/rectifications/abc', '/rectifications/abc'],
    ['/orders?state=DRAFT', '/orders?state=DRAFT'],
  ])('keeps same-origin path %s', (input, out) => expect(safeCallbackPath(input)).toBe(out));

  it.each([
    'https://evil.example/x',
    'http://127.0.0.1:3000/dashboard',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    'dashboard',
    '',
    null,
    undefined,
    '/login?callbackUrl=/x',
    '/a\nb',
    '/' + 'a'.repeat(3000),
  ])('refuses %s', (input) => expect(safeCallbackPath(input as string, '/home')).toBe('/home'));
});
