import { describe, expect, it } from 'vitest';
import { bearerMatches } from './bearer';

describe('bearerMatches', () => {
  const token = 'metrics-token-0123456789';
  it('accepts exactly the configured token', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
  });
  it('refuses anything else', () => {
    for (const h of [null, '', token, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, `Bearer ${token} extra`, 'Bearer ']) {
      expect(bearerMatches(h, token), String(h)).toBe(false);
    }
  });
});
