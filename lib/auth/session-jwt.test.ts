import { afterEach, describe, expect, it, vi } from 'vitest';
import { hkdf } from '@panva/hkdf';
import { EncryptJWT } from 'jose';
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

describe('decryption on node:crypto', () => {
  afterEach(() => vi.useRealTimers());
  const tamper = (jwe: string, part: number) => {
    const parts = jwe.split('.');
    const bytes = Buffer.from(parts[part]!, 'base64url');
    bytes[0]! ^= 1;
    parts[part] = bytes.toString('base64url');
    return parts.join('.');
  };

  it('refuses a flipped bit in the IV, the ciphertext or the tag, and a header it did not issue', async () => {
    const ours = await encodeSessionJwt({ token, secret, salt });
    for (const part of [2, 3, 4]) await expect(decodeSessionJwt({ token: tamper(ours, part), secret, salt })).rejects.toThrow();
    const parts = ours.split('.');
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString()) as Record<string, unknown>;
    for (const change of [{ zip: 'DEF' }, { alg: 'A256KW' }, { enc: 'A128CBC-HS256' }, { crit: ['x'] }]) {
      const forged = [Buffer.from(JSON.stringify({ ...header, ...change })).toString('base64url'), ...parts.slice(1)].join('.');
      await expect(decodeSessionJwt({ token: forged, secret, salt })).rejects.toThrow();
    }
    await expect(decodeSessionJwt({ token: parts.slice(0, 4).join('.'), secret, salt })).rejects.toThrow();
  });

  it('reads the A256GCM tokens older Auth.js versions issued', async () => {
    const key = await hkdf('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 32);
    const gcm = await new EncryptJWT(token).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).setExpirationTime('1h').encrypt(key);
    expect(await decodeSessionJwt({ token: gcm, secret, salt })).toMatchObject(token);
    await expect(decodeSessionJwt({ token: tamper(gcm, 4), secret, salt })).rejects.toThrow();
  });

  it('checks the expiry again when a token it has already verified comes back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T08:00:00Z'));
    const ours = await encodeSessionJwt({ token, secret, salt, maxAge: 60 });
    expect(await decodeSessionJwt({ token: ours, secret, salt })).toMatchObject(token);
    vi.setSystemTime(new Date('2026-11-29T08:01:10Z')); // within the 15 s clock tolerance
    expect(await decodeSessionJwt({ token: ours, secret, salt })).toMatchObject(token);
    vi.setSystemTime(new Date('2026-11-29T08:01:16Z'));
    await expect(decodeSessionJwt({ token: ours, secret, salt })).rejects.toThrow(/exp/);
    // Verified under one secret is not verified under another.
    vi.setSystemTime(new Date('2026-11-29T08:00:30Z'));
    await expect(decodeSessionJwt({ token: ours, secret: 'another-secret-0123456789-012345', salt })).rejects.toThrow();
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
