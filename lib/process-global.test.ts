import { describe, expect, it, vi } from 'vitest';

describe('processGlobal', () => {
  it('gives every copy of a module the same value, made once', async () => {
    const make = vi.fn(() => new Map<string, number>());
    const first = (await import('./process-global')).processGlobal('test.sharedMap', make);
    vi.resetModules(); // a second copy of the module, as a second Next bundle loads it
    const second = (await import('./process-global')).processGlobal('test.sharedMap', make);
    expect(second).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('keeps values of different names apart', async () => {
    const { processGlobal } = await import('./process-global');
    expect(processGlobal('test.a', () => ({}))).not.toBe(processGlobal('test.b', () => ({})));
  });
});
