import { describe, expect, it } from 'vitest';
import { decode as authDecode, encode as authEncode } from '@auth/core/jwt';
import { decodeSessionJwt, encodeSessionJwt, needsRenewal, readSessionCookie, renewableClaims } from './session-jwt';

const secret = 'test-secret-0123456789-0123456789';
const salt = 'authjs.session-token';
const token = { uid: 'u1', role: 'filer', sv: 3, email: 'filer@beian.example' };

describe('session JWT with cached keys', () => {
  it('reads tokens made by Auth.js, and Auth.js reads ours', async () => {
    const theirs = await authEncode({ token, secret, salt, maxAge: 60 });
    expect(await decodeSessionJwt({ token: theirs, secret, salt })).toMatchObject(token);
    const ours = await encodeSessionJwt({ token, secret, salt, maxAge: 60 });
    const read = await authDecode({ token: ours, secret, salt });
    expect(read).toMatchObject(token);
    expect(read!.exp! - read!.iat!).toBe(60);
    // Twice more: the second call uses the cached key and must give the same result.
    expect(await decodeSessionJwt({ token: ours, secret, salt })).toMatchObject(token);
  });

  it('refuses a token of another secret, another cookie name, a tampered or an expired token', async () => {
    const ours = await encodeSessionJwt({ token, secret, salt });
    await expect(decodeSessionJwt({ token: ours, secret: 'another-secret-0123456789-012345', salt })).rejects.toThrow();
    await expect(decodeSessionJwt({ token: ours, secret, salt: '__Secure-authjs.session-token' })).rejects.toThrow();
    const parts = ours.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    await expect(decodeSessionJwt({ token: parts.join('.'), secret, salt })).rejects.toThrow();
    const expired = await encodeSessionJwt({ token, secret, salt, maxAge: -60 });
    await expect(decodeSessionJwt({ token: expired, secret, salt })).rejects.toThrow();
    expect(await decodeSessionJwt({ token: undefined, secret, salt })).toBeNull();
  });

  it('accepts a rotated secret list (new first, old still valid)', async () => {
    const old = await encodeSessionJwt({ token, secret, salt });
    expect(await decodeSessionJwt({ token: old, secret: ['new-secret-0123456789-0123456789', secret], salt })).toMatchObject(token);
  });
});

describe('reading the session cookie', () => {
  it('finds the secure or the plain cookie, verifies it, and says when it is chunked', async () => {
    const plain = await encodeSessionJwt({ token, secret, salt: 'authjs.session-token' });
    const secure = await encodeSessionJwt({ token, secret, salt: '__Secure-authjs.session-token' });
    const jar = (c: Record<string, string>) => (name: string) => c[name];
    expect(await readSessionCookie(jar({ 'authjs.session-token': plain }), secret)).toMatchObject({ name: 'authjs.session-token', payload: token });
    expect(await readSessionCookie(jar({ '__Secure-authjs.session-token': secure }), secret)).toMatchObject({ name: '__Secure-authjs.session-token' });
    // A token minted for one cookie name does not verify under the other (the name is the salt).
    expect(await readSessionCookie(jar({ '__Secure-authjs.session-token': plain }), secret)).toBeNull();
    expect(await readSessionCookie(jar({ 'authjs.session-token': 'garbage' }), secret)).toBeNull();
    expect(await readSessionCookie(jar({ 'authjs.session-token': plain }), undefined)).toBeNull();
    expect(await readSessionCookie(jar({}), secret)).toBeNull();
    expect(await readSessionCookie(jar({ 'authjs.session-token.0': 'part' }), secret)).toBe('chunked');
  });

  it('renews a sliding session at most every so often, carrying the same claims', async () => {
    expect(needsRenewal({ iat: 1000 }, 1000 + 599, 600)).toBe(false);
    expect(needsRenewal({ iat: 1000 }, 1000 + 600, 600)).toBe(true);
    expect(needsRenewal({}, 1000, 600)).toBe(true);
    const payload = (await decodeSessionJwt({ token: await encodeSessionJwt({ token, secret, salt }), secret, salt }))!;
    expect(renewableClaims(payload)).toEqual(token);
  });
});
