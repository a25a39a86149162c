import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SessionUserCache, type SessionUserRow } from './session-user-cache';

const user = (id: string, sessionVersion = 0, disabled = false): SessionUserRow => ({ id, email: `${id}@beian.example`, name: id, role: 'filer', disabled, sessionVersion });

/** A stand-in database: the current row of each user, and how many times the cache read it. */
function fakeDb(...rows: SessionUserRow[]) {
  const table = new Map(rows.map((r) => [r.id, r]));
  const db = {
    reads: 0,
    table,
    load: async (id: string) => {
      db.reads++;
      return table.get(id);
    },
  };
  return db;
}

describe('SessionUserCache', () => {
  it('reads the database every time until the listener is live, and remembers nothing meanwhile', async () => {
    const db = fakeDb(user('a'));
    const cache = new SessionUserCache();
    await cache.get('a', db.load);
    await cache.get('a', db.load);
    expect(db.reads).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('serves a user from memory once live, until that user changes', async () => {
    const db = fakeDb(user('a'), user('b'));
    const cache = new SessionUserCache();
    cache.setLive(true);
    expect(await cache.get('a', db.load)).toEqual(user('a'));
    await cache.get('a', db.load);
    await cache.get('b', db.load);
    expect(db.reads).toBe(2);
    db.table.set('a', user('a', 1, true));
    cache.changed('a');
    expect(await cache.get('a', db.load)).toEqual(user('a', 1, true));
    await cache.get('b', db.load);
    expect(db.reads).toBe(3); // b was not touched by a's change
  });

  it("forgets everyone on '*' (TRUNCATE) and when the listener is lost; starts empty when it is back", async () => {
    const db = fakeDb(user('a'), user('b'));
    const cache = new SessionUserCache();
    cache.setLive(true);
    await cache.get('a', db.load);
    await cache.get('b', db.load);
    cache.changed('*');
    expect(cache.size).toBe(0);
    await cache.get('a', db.load);
    cache.setLive(false);
    expect(cache.live).toBe(false);
    expect(cache.size).toBe(0);
    db.table.set('a', user('a', 5));
    expect(await cache.get('a', db.load)).toEqual(user('a', 5)); // read through while nobody announces changes
    cache.setLive(true);
    expect(cache.size).toBe(0);
  });

  it('does not keep a row read while a change was announced: the read may predate the change', async () => {
    const cache = new SessionUserCache();
    cache.setLive(true);
    let release!: () => void;
    const slowStaleRead = (id: string) =>
      new Promise<SessionUserRow>((resolve) => {
        release = () => resolve(user(id, 0)); // what the database said before the change
      });
    const pending = cache.get('a', slowStaleRead);
    cache.changed('b'); // any change: the announcement for 'a' itself may have come and gone
    release();
    expect(await pending).toEqual(user('a', 0));
    expect(cache.size).toBe(0);
    const db = fakeDb(user('a', 1));
    expect(await cache.get('a', db.load)).toEqual(user('a', 1));
  });

  it('does not keep a row read across losing the listener', async () => {
    const cache = new SessionUserCache();
    cache.setLive(true);
    let release!: () => void;
    const pending = cache.get('a', (id) => new Promise((resolve) => (release = () => resolve(user(id)))));
    cache.setLive(false);
    cache.setLive(true);
    release();
    await pending;
    expect(cache.size).toBe(0);
  });

  it('never remembers an unknown user, and keeps at most `capacity` rows, dropping the oldest', async () => {
    const db = fakeDb(user('a'), user('b'), user('c'));
    const cache = new SessionUserCache(2);
    cache.setLive(true);
    expect(await cache.get('nobody', db.load)).toBeUndefined();
    expect(cache.size).toBe(0);
    for (const id of ['a', 'b', 'c']) await cache.get(id, db.load);
    expect(cache.size).toBe(2);
    db.reads = 0;
    await cache.get('c', db.load);
    await cache.get('b', db.load);
    expect(db.reads).toBe(0);
    await cache.get('a', db.load);
    expect(db.reads).toBe(1);
  });

  it('hands out frozen copies, so no caller can change what the next request sees', async () => {
    const row = { ...user('a') };
    const cache = new SessionUserCache();
    cache.setLive(true);
    await cache.get('a', async () => row);
    row.disabled = true as never;
    const again = await cache.get('a', async () => undefined);
    expect(again?.disabled).toBe(false);
    expect(Object.isFrozen(again)).toBe(true);
  });

  // The guarantee the portal relies on: once a change has been announced, no later lookup returns the
  // row from before it, whatever the order of reads, changes, announcements and listener losses.
  it('never serves a row older than the last change announced (property)', async () => {
    const ids = ['a', 'b', 'c'];
    const op = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('get' as const), id: fc.constantFrom(...ids) }), weight: 4 },
      { arbitrary: fc.record({ kind: fc.constant('update' as const), id: fc.constantFrom(...ids) }), weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant('announce' as const) }), weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant('live' as const), live: fc.boolean() }), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 60 }), async (ops) => {
        const db = fakeDb(...ids.map((id) => user(id)));
        const cache = new SessionUserCache(2);
        const pending: string[] = []; // committed changes whose NOTIFY has not arrived yet
        const announced = new Map<string, number>(); // the version each announcement was sent for
        let listening = true;
        cache.setLive(true);
        for (const o of ops) {
          if (o.kind === 'update') {
            const next = db.table.get(o.id)!.sessionVersion + 1;
            db.table.set(o.id, user(o.id, next));
            if (listening) pending.push(o.id); // NOTIFY to a listener that is not there is lost
            else announced.set(o.id, next); // …but then nothing is served from memory, see below
          } else if (o.kind === 'announce') {
            const id = pending.shift();
            if (id) {
              announced.set(id, db.table.get(id)!.sessionVersion);
              cache.changed(id);
            }
          } else if (o.kind === 'live') {
            listening = o.live;
            pending.length = 0;
            cache.setLive(o.live);
          } else {
            const got = await cache.get(o.id, db.load);
            expect(got!.sessionVersion).toBeGreaterThanOrEqual(announced.get(o.id) ?? 0);
            if (!listening) expect(got).toEqual(db.table.get(o.id));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
