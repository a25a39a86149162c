import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT_BYTES, declaredTooLarge, MATERIAL_UPLOAD_BODY_LIMIT_BYTES } from './body-limits';
import { MAX_UPLOAD_BYTES } from '../validation/upload';

describe('body limits', () => {
  it('judges a declared length against the limit', () => {
    expect(declaredTooLarge(String(ACTION_BODY_LIMIT_BYTES), ACTION_BODY_LIMIT_BYTES)).toBe(false);
    expect(declaredTooLarge(String(ACTION_BODY_LIMIT_BYTES + 1), ACTION_BODY_LIMIT_BYTES)).toBe(true);
    expect(declaredTooLarge(String(15 * 1024 * 1024), ACTION_BODY_LIMIT_BYTES)).toBe(true);
    expect(declaredTooLarge(null, 10)).toBe(false);
    expect(declaredTooLarge('abc', 10)).toBe(false);
  });
  it('an upload body fits the largest accepted image and its envelope', () => {
    expect(MATERIAL_UPLOAD_BODY_LIMIT_BYTES).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(MATERIAL_UPLOAD_BODY_LIMIT_BYTES).toBeLessThan(MAX_UPLOAD_BYTES + 128 * 1024);
  });
});
