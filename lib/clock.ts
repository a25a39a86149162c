// The portal's "now". Production reads the system clock; a test that drives the whole lifecycle (deadlines,
// the 24-hour SMS window, 45-day expiry) moves time forward here instead of waiting for it.

const KEY = Symbol.for('beian.clock');
type G = typeof globalThis & { [KEY]?: () => Date };

export function now(): Date {
  const source = (globalThis as G)[KEY];
  return source ? source() : new Date();
}

/** Tests only: replace the clock (null restores the system clock). */
export function setClock(source: (() => Date) | null): void {
  const g = globalThis as G;
  if (source) g[KEY] = source;
  else delete g[KEY];
}
