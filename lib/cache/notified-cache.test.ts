import { describe, expect, it } from 'vitest';
import { deepFreeze, NotifiedCache } from './notified-cache';

// The rules themselves (live, generation, capacity) are exercised through lib/auth/session-user-cache.test.ts;
// these are what the dashboard's cache adds: values sealed once when kept, shared frozen, misses not kept.
describe('NotifiedCache', () => {
  it('seals a value once, when it is kept, and serves that same sealed value', async () => {
    let seals = 0;
    const cache = new NotifiedCache<{ n: number }[]>(10, (v) => (seals++, deepFreeze(v)));
    cache.setLive(true);
    const first = await cache.get('a', async () => [{ n: 1 }]);
    expect(Object.isFrozen(first![0])).toBe(true);
    expect(await cache.get('a', async () => [{ n: 2 }])).toBe(first);
    expect(seals).toBe(1);
  });

  it('does not seal or keep what it read while not live, nor a missing value', async () => {
    let seals = 0;
    const cache = new NotifiedCache<number[]>(10, (v) => (seals++, v));
    expect(await cache.get('a', async () => [1])).toEqual([1]);
    cache.setLive(true);
    expect(await cache.get('b', async () => undefined)).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(seals).toBe(0);
  });

  it("forgets one key on its announcement and every key on '*'", async () => {
    const cache = new NotifiedCache<string>();
    cache.setLive(true);
    await cache.get('a', async () => 'A');
    await cache.get('b', async () => 'B');
    cache.changed('a');
    expect(cache.size).toBe(1);
    expect(await cache.get('a', async () => 'A2')).toBe('A2');
    cache.changed('*');
    expect(cache.size).toBe(0);
  });
});

describe('deepFreeze', () => {
  it('freezes nested arrays and objects, and leaves primitives alone', () => {
    const v = deepFreeze({ a: [{ b: 'x' }], n: 1, s: null });
    expect(Object.isFrozen(v.a)).toBe(true);
    expect(Object.isFrozen(v.a[0])).toBe(true);
    expect(() => (v.a as unknown as unknown[]).push(1)).toThrow(TypeError);
    expect(deepFreeze(3)).toBe(3);
  });
});

describe('NotifiedCache groups', () => {
  it("drops every 'group/item' key with its group, and only those", async () => {
    const cache = new NotifiedCache<string>();
    cache.setLive(true);
    for (const k of ['a', 'a/1', 'a/2', 'ab/1', 'b/1']) await cache.get(k, async () => k);
    cache.changed('a');
    expect(cache.size).toBe(2);
    let reads = 0;
    const load = async (k: string) => (reads++, k);
    for (const k of ['ab/1', 'b/1']) await cache.get(k, load);
    expect(reads).toBe(0);
    for (const k of ['a', 'a/1', 'a/2']) await cache.get(k, load);
    expect(reads).toBe(3);
  });

  it('forgets an evicted member from its group, so the group can be dropped and refilled', async () => {
    const cache = new NotifiedCache<string>(2);
    cache.setLive(true);
    await cache.get('a/1', async () => '1');
    await cache.get('a/2', async () => '2');
    await cache.get('b/1', async () => '3'); // evicts a/1
    expect(cache.size).toBe(2);
    cache.changed('a');
    expect(cache.size).toBe(1);
    expect(await cache.get('b/1', async () => 'x')).toBe('3');
  });
});
