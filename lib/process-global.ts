// Next's production build can load a module more than once in one process (a route handler, a page and the
// proxy each from their own bundle), and each copy gets its own module-level variables. State that must be
// one per process (caches, memos, the listeners behind them) is therefore kept on globalThis, under a key
// every copy derives from the same name.

/** The process's one value named `name`, made by `make` on first use. */
export function processGlobal<T>(name: string, make: () => T): T {
  const g = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`beian.${name}`);
  if (!(key in g)) g[key] = make();
  return g[key] as T;
}
