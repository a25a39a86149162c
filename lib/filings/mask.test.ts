import { describe, expect, it } from 'vitest';
import { maskMobile } from './mask';

describe('maskMobile', () => {
  it('keeps the first three and last four digits of a mobile', () => {
    expect(maskMobile('13805710001')).toBe('138****0001');
  });
  it('masks the digits before the last four of anything else', () => {
    expect(maskMobile('010-62345678')).toBe('010-****5678');
  });
});
