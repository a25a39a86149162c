import { hkdf } from '@panva/hkdf';
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';
import { processGlobal } from '../process-global';

// Auth.js' own JWT session format (@auth/core/jwt: "dir" + A256CBC-HS512, key = HKDF(secret, salt = the
// cookie name)), decrypted with jose as Auth.js does, with two changes for the signed-in pages' CPU profile,
// where proxy and page each read the token on every request: the derived key and its thumbprint are
// computed once per secret and salt, and a verified token is remembered (only its times are checked again),
// so jose's decryption runs once per token, not twice per request. lib/auth/session-jwt.test.ts proves the
// tokens are interchangeable with @auth/core's encode/decode.

const ALG = 'dir';
const ENC = 'A256CBC-HS512';
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

type DerivedKey = { key: Uint8Array; kid: string };
const keys = processGlobal('sessionTokenKeys', () => new Map<string, Promise<DerivedKey>>());

function derivedKey(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  const id = `${enc}\u0000${salt}\u0000${secret}`;
  let k = keys.get(id);
  if (!k) {
    const length = enc === 'A256GCM' ? 32 : 64;
    k = hkdf('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, length).then(async (key) => ({
      key,
      kid: await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(key) }, `sha${key.byteLength << 3}` as 'sha256'),
    }));
    if (keys.size > 32) keys.clear(); // a handful of (secret, cookie name) pairs in practice
    keys.set(id, k);
  }
  return k;
}

type Secret = string | string[];
const list = (s: Secret) => (Array.isArray(s) ? s : [s]);

export async function encodeSessionJwt(params: { token?: JWTPayload; secret: Secret; salt: string; maxAge?: number }): Promise<string> {
  const { key, kid } = await derivedKey(ENC, list(params.secret)[0]!, params.salt);
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(params.token ?? {})
    .setProtectedHeader({ alg: ALG, enc: ENC, kid })
    .setIssuedAt(now)
    .setExpirationTime(now + (params.maxAge ?? DEFAULT_MAX_AGE))
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

/** The token's payload; throws when it is forged, expired or made with another secret (as @auth/core does). */
export async function decodeSessionJwt(params: { token?: string; secret: Secret; salt: string }): Promise<JWTPayload | null> {
  if (!params.token) return null;
  const now = Math.floor(Date.now() / 1000);
  const memoKey = `${params.salt}\u0000${params.token}`;
  const seen = verified.get(memoKey);
  if (seen && seen.secrets === params.secret.toString()) return checkTimes(seen.payload, now);
  // Exactly @auth/core's decode: jose's jwtDecrypt, the key picked by the header's enc and kid.
  const { payload } = await jwtDecrypt(
    params.token,
    async ({ kid, enc }) => {
      for (const secret of list(params.secret)) {
        const k = await derivedKey(enc, secret, params.salt);
        if (kid === undefined || kid === k.kid) return k.key;
      }
      throw new Error('no matching decryption secret');
    },
    { clockTolerance: CLOCK_TOLERANCE, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC, 'A256GCM'] },
  );
  if (verified.size >= MEMO_SIZE) verified.clear();
  verified.set(memoKey, { secrets: params.secret.toString(), payload });
  return payload;
}

// A verified token always decrypts to the same claims, so proxy and page (and the next requests of the
// same session) skip the cipher; only the expiry is checked again. Bounded: cleared when full.
const MEMO_SIZE = 5_000;
const verified = processGlobal('verifiedSessionTokens', () => new Map<string, { secrets: string; payload: JWTPayload }>());

const CLOCK_TOLERANCE = 15;

function checkTimes(payload: JWTPayload, now: number): JWTPayload {
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    if (payload[claim] !== undefined && typeof payload[claim] !== 'number') throw new Error(`"${claim}" claim must be a number`);
  }
  if (payload.exp !== undefined && payload.exp <= now - CLOCK_TOLERANCE) throw new Error('"exp" claim timestamp check failed');
  if (payload.nbf !== undefined && payload.nbf > now + CLOCK_TOLERANCE) throw new Error('"nbf" claim timestamp check failed');
  return payload;
}

// Auth.js' session cookie: `__Secure-` prefixed on HTTPS. Its name is also the key derivation's salt.
export const SESSION_COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export type SessionCookie = { name: string; payload: JWTPayload };

/**
 * The session cookie's name and verified claims; null when there is none or it does not verify (forged,
 * expired, another secret); 'chunked' for an oversized cookie Auth.js split in parts (left to Auth.js).
 */
export async function readSessionCookie(get: (name: string) => string | undefined, secret: string | undefined): Promise<SessionCookie | null | 'chunked'> {
  for (const name of SESSION_COOKIE_NAMES) {
    const token = get(name);
    if (token) {
      if (!secret) return null;
      const payload = await decodeSessionJwt({ token, secret, salt: name }).catch(() => null);
      return payload ? { name, payload } : null;
    }
    if (get(`${name}.0`)) return 'chunked';
  }
  return null;
}

/** A sliding session is re-issued at most every `everySeconds`, not on every request. */
export function needsRenewal(payload: JWTPayload, nowSeconds: number, everySeconds: number): boolean {
  return typeof payload.iat !== 'number' || nowSeconds - payload.iat >= everySeconds;
}

/** The claims to carry into a renewed token (jose sets iat, exp and jti afresh). */
export function renewableClaims(payload: JWTPayload): JWTPayload {
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = payload;
  return claims;
}
