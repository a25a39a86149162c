import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

describe('request ids', () => {
  it('keeps a load balancer id that looks like one and replaces anything else', () => {
    expect(requestIdFrom('3f2a9c1e-77aa-4c1b-9a52-0e5c1d2b3a4f')).toBe('3f2a9c1e-77aa-4c1b-9a52-0e5c1d2b3a4f');
    expect(requestIdFrom('Root=1-67891233-abcdef012345678912345678')).toBe('Root=1-67891233-abcdef012345678912345678');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of [null, undefined, '', 'short', 'a'.repeat(200), 'has space in it', 'line\nbreak-12345', '"quoted-123456"', '<script>x</script>']) {
      expect(requestIdFrom(bad)).toMatch(uuid);
    }
  });
});
