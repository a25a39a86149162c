/**
 * Values the database announces changes to (NOTIFY at commit), kept in memory while the announcements are
 * being heard. The database side LISTENs on a connection of its own and reports when it is up
 * (`setLive(true)`) or lost (`setLive(false)`); each announcement names a key (`changed(key)`), or `'*'`
 * for all of them. A key `group/item` is dropped with its group: an announcement names an owner, and the
 * cache may hold several values of theirs. Used for the session's user (lib/auth/session-user-cache.ts)
 * and each filer's 我的备案 and rectification pages (db/owner-cache.ts).
 *
 * Two rules keep it exact:
 * - Nothing is served from memory unless the listener is live; losing it empties the cache, because
 *   changes made while nobody listened were never announced.
 * - A value read from the database is kept only if no change (to any key) was announced while it was
 *   being read: the read may have seen the value from before that change, and the announcement has
 *   already gone by.
 */
export class NotifiedCache<V> {
  private readonly values = new Map<string, V>();
  /** The `group/item` keys held, by group. */
  private readonly groups = new Map<string, Set<string>>();
  private generation = 0;
  private listening = false;
  /** Reads served from memory and from the database since start (the metrics endpoint reports them). */
  hits = 0;
  misses = 0;

  /** `seal` makes a value safe to share between requests (e.g. a frozen copy) before it is kept. */
  constructor(
    private readonly capacity = 10_000,
    private readonly seal: (value: V) => V = (v) => v,
  ) {}

  get size(): number {
    return this.values.size;
  }

  /** Whether changes are being announced, i.e. whether values may be served from memory. */
  get live(): boolean {
    return this.listening;
  }

  /** The listener came up (start serving from memory, from empty) or went away (stop, forget all). */
  setLive(live: boolean): void {
    this.listening = live;
    this.forgetAll();
  }

  /** The value of `key` changed, and with it every `key/…` (`'*'`: every value did). */
  changed(key: string): void {
    if (key === '*') return this.forgetAll();
    this.generation++;
    this.forget(key);
    for (const member of this.groups.get(key) ?? []) this.values.delete(member);
    this.groups.delete(key);
  }

  /** The value of `key`, from memory when that is safe, otherwise from `load` (and kept if still safe). */
  async get(key: string, load: (key: string) => Promise<V | undefined>): Promise<V | undefined> {
    if (this.listening) {
      const hit = this.values.get(key);
      if (hit !== undefined) {
        this.hits++;
        return hit;
      }
    }
    this.misses++;
    const generation = this.generation;
    const value = await load(key);
    if (value === undefined || !this.listening || generation !== this.generation) return value;
    const sealed = this.seal(value);
    this.remember(key, sealed);
    return sealed;
  }

  private remember(key: string, value: V): void {
    this.values.delete(key);
    this.values.set(key, value);
    const group = groupOf(key);
    if (group !== undefined) {
      let members = this.groups.get(group);
      if (!members) this.groups.set(group, (members = new Set()));
      members.add(key);
    }
    // Map keeps insertion order: the first key is the one remembered longest ago.
    while (this.values.size > this.capacity) this.forget(this.values.keys().next().value!);
  }

  private forget(key: string): void {
    this.values.delete(key);
    const group = groupOf(key);
    const members = group === undefined ? undefined : this.groups.get(group);
    members?.delete(key);
    if (members?.size === 0) this.groups.delete(group!);
  }

  private forgetAll(): void {
    this.generation++;
    this.values.clear();
    this.groups.clear();
  }
}

function groupOf(key: string): string | undefined {
  const slash = key.indexOf('/');
  return slash > 0 ? key.slice(0, slash) : undefined;
}

/** Freezes a plain JSON-like value and everything in it, so a value shared between requests cannot be edited. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
