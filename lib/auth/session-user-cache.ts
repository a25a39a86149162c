import type { Role } from '@/lib/domain/codes';

/** What a request needs of its user to authorise it. Never the password hash: this lives for hours. */
export type SessionUserRow = Readonly<{ id: string; email: string; name: string; role: Role; disabled: boolean; sessionVersion: number }>;

/**
 * The users that signed-in requests re-check (disabled, role, session version), kept in memory while the
 * database is telling us about every change. The database side is db/session-users.ts: a trigger NOTIFYs
 * each changed id at commit, and the listening connection reports when it is up (`setLive(true)`) or lost.
 *
 * Two rules keep it exact:
 * - Nothing is served from memory unless the listener is live; losing it empties the cache, because
 *   changes made while nobody listened were never announced.
 * - A row read from the database is kept only if no change (of any user) was announced while it was
 *   being read: the read may have seen the row from before that change, and the announcement has
 *   already gone by.
 */
export class SessionUserCache {
  private readonly rows = new Map<string, SessionUserRow>();
  private generation = 0;
  private listening = false;

  constructor(private readonly capacity = 10_000) {}

  get size(): number {
    return this.rows.size;
  }

  /** Whether changes are being announced, i.e. whether rows may be served from memory. */
  get live(): boolean {
    return this.listening;
  }

  /** The listener came up (start serving from memory, from empty) or went away (stop, forget all). */
  setLive(live: boolean): void {
    this.listening = live;
    this.forgetAll();
  }

  /** A user changed (`'*'`: every user did). */
  changed(id: string): void {
    if (id === '*') this.forgetAll();
    else {
      this.generation++;
      this.rows.delete(id);
    }
  }

  /** The user `id`, from memory when that is safe, otherwise from `load` (and remembered if still safe). */
  async get(id: string, load: (id: string) => Promise<SessionUserRow | undefined>): Promise<SessionUserRow | undefined> {
    if (this.listening) {
      const hit = this.rows.get(id);
      if (hit) return hit;
    }
    const generation = this.generation;
    const row = await load(id);
    if (row && this.listening && generation === this.generation) this.remember(Object.freeze({ ...row }));
    return row;
  }

  private remember(row: SessionUserRow): void {
    this.rows.delete(row.id);
    this.rows.set(row.id, row);
    // Map keeps insertion order: the first key is the one remembered longest ago.
    while (this.rows.size > this.capacity) this.rows.delete(this.rows.keys().next().value!);
  }

  private forgetAll(): void {
    this.generation++;
    this.rows.clear();
  }
}
