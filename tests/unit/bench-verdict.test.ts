import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantile, ratioVerdict } from '@/bench/verdict';

describe('bench verdicts', () => {
  it('quantiles interpolate between ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75);
    expect(quantile([7], 0.75)).toBe(7);
  });

  it('passes when the whole spread is above the target and fails when it is below', () => {
    expect(ratioVerdict([0.7, 0.72, 0.75, 0.8, 0.66], 0.6).verdict).toBe('PASS');
    expect(ratioVerdict([0.4, 0.45, 0.5, 0.52, 0.55], 0.6).verdict).toBe('FAIL');
  });

  it('says too noisy when the target sits inside a wide interquartile range', () => {
    const r = ratioVerdict([0.25, 0.45, 0.55, 0.62, 0.7, 0.9, 1.45], 0.6);
    expect(r.verdict).toBe('TOO NOISY');
  });

  it('decides by the median when the spread straddles the target but is narrow', () => {
    expect(ratioVerdict([0.58, 0.6, 0.61, 0.62, 0.63], 0.6).verdict).toBe('PASS');
  });

  it('never passes a set of rounds whose every ratio is below the target', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 0.599, noNaN: true }), { minLength: 1, maxLength: 30 }), (xs) => {
        expect(ratioVerdict(xs, 0.6).verdict).not.toBe('PASS');
      }),
    );
  });
});
