// Verdicts that do not flip with the neighbours' load. A figure is the median of per-round ratios (each
// round measures a page and its baseline minutes apart at most), printed with its interquartile range.
// When the target falls inside a wide IQR, the rounds disagree about which side of it the page is on:
// the bench says so ("too noisy — rerun") instead of printing whichever side this run's median fell.

export type Verdict = 'PASS' | 'FAIL' | 'TOO NOISY';
export type Spread = { median: number; q1: number; q3: number; verdict: Verdict };

/** Quantile by linear interpolation between closest ranks (the common "type 7" definition). */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/**
 * `at least` targets (ratio ≥ target). Decided by the median when the whole IQR lies on one side of the
 * target, or when the IQR is narrow (≤ `maxRelativeIqr` of the median); otherwise too noisy to decide.
 */
export function ratioVerdict(ratios: number[], target: number, maxRelativeIqr = 0.15): Spread {
  const median = quantile(ratios, 0.5);
  const q1 = quantile(ratios, 0.25);
  const q3 = quantile(ratios, 0.75);
  const straddles = q1 < target && target < q3;
  const narrow = q3 - q1 <= maxRelativeIqr * median;
  const verdict: Verdict = straddles && !narrow ? 'TOO NOISY' : median >= target ? 'PASS' : 'FAIL';
  return { median, q1, q3, verdict };
}

export function spreadText(s: Spread): string {
  return `${s.median.toFixed(2)}× (IQR ${s.q1.toFixed(2)}–${s.q3.toFixed(2)})`;
}
