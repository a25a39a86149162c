import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { config, type Config } from '@/lib/config';

// The S3-compatible bucket that keeps file bytes when STORAGE=s3 (Aliyun OSS, Tencent COS, MinIO, AWS S3 all
// speak the protocol). db/storage/files.ts decides per file which backend holds it; this module only talks
// to the bucket. Imported by the worker through tsx: no 'server-only' here.

export type S3Settings = {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** '' or ending in '/': the portal's objects are `<prefix>materials/…` and `<prefix>imports/…`. */
  prefix: string;
};

/** Where new files go, and the bucket (if any) that holds files written there, now or before. */
export type StorageSettings = { writeTo: 'db' | 's3'; s3?: S3Settings };

/** The folders of the bucket the portal writes to, one per kind of owner; the orphan sweep lists these. */
export const OBJECT_AREAS = ['materials', 'imports'] as const;
export type ObjectArea = (typeof OBJECT_AREAS)[number];

type ListedObject = { key: string; lastModified: Date };

export interface ObjectStore {
  readonly prefix: string;
  /** A key no object has yet: objects are never overwritten, so a rolled-back write never clobbers a file. */
  newKey(area: ObjectArea): string;
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** Bytes `from` up to (not including) `to`. */
  getRange(key: string, from: number, to: number): Promise<Buffer>;
  /** The objects under `prefix`, a page (at most `pageSize`) at a time. */
  list(prefix: string, pageSize?: number): AsyncGenerator<ListedObject[]>;
  remove(key: string): Promise<void>;
}

function storageSettingsOf(c: Config): StorageSettings {
  const s3 =
    c.S3_BUCKET && c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY
      ? {
          endpoint: c.S3_ENDPOINT,
          region: c.S3_REGION,
          bucket: c.S3_BUCKET,
          accessKeyId: c.S3_ACCESS_KEY_ID,
          secretAccessKey: c.S3_SECRET_ACCESS_KEY,
          forcePathStyle: c.S3_FORCE_PATH_STYLE,
          prefix: c.S3_PREFIX,
        }
      : undefined;
  return { writeTo: c.STORAGE, s3 };
}

let override: StorageSettings | undefined;
let cached: { key: string; store: S3ObjectStore } | undefined;

/** Replaces the configured storage (tests); undefined goes back to lib/config. Closes the bucket's client. */
export function setStorageSettings(settings: StorageSettings | undefined): void {
  override = settings;
  cached?.store.client.destroy();
  cached = undefined;
}

function storageSettings(): StorageSettings {
  return override ?? storageSettingsOf(config());
}

/** The bucket of the current settings, or undefined when none is configured. One client per process. */
export function objectStore(): ObjectStore | undefined {
  const s3 = storageSettings().s3;
  if (!s3) return undefined;
  const key = JSON.stringify(s3);
  if (cached?.key !== key) {
    cached?.store.client.destroy();
    cached = { key, store: new S3ObjectStore(s3) };
  }
  return cached.store;
}

/** The bucket new files go to; undefined when they go to the database. */
export function writeStore(): ObjectStore | undefined {
  const settings = storageSettings();
  if (settings.writeTo === 'db') return undefined;
  // parseConfig refuses STORAGE=s3 without a bucket; a test's settings could still omit it.
  const store = objectStore();
  if (!store) throw new Error('STORAGE=s3 but no bucket is configured (S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY)');
  return store;
}

/** The bucket of a row that has an object key: one must be configured (a file cannot be read otherwise). */
export function readStore(objectKey: string): ObjectStore {
  const store = objectStore();
  if (!store) throw new Error(`stored file ${objectKey} is in object storage, but no bucket is configured (S3_BUCKET)`);
  return store;
}

class S3ObjectStore implements ObjectStore {
  readonly client: S3Client;
  readonly prefix: string;
  private readonly bucket: string;

  constructor(s: S3Settings) {
    this.bucket = s.bucket;
    this.prefix = s.prefix;
    this.client = new S3Client({
      endpoint: s.endpoint,
      region: s.region,
      forcePathStyle: s.forcePathStyle,
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      // The SDK's default CRC32 checksum headers are AWS's own; several S3-compatible services refuse or
      // mishandle them. Only where an operation requires one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  newKey(area: ObjectArea): string {
    return `${this.prefix}${area}/${randomUUID()}`;
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.byteLength }));
  }

  async get(key: string): Promise<Buffer> {
    const res = await this.fetch(key);
    return toBuffer(await res.Body!.transformToByteArray());
  }

  async getRange(key: string, from: number, to: number): Promise<Buffer> {
    const res = await this.fetch(key, `bytes=${from}-${to - 1}`);
    // A server that ignored the range would send the whole object: refuse it rather than hold it in memory.
    if (res.ContentLength !== undefined && res.ContentLength > to - from) {
      (res.Body as { destroy?: () => void } | undefined)?.destroy?.();
      throw new Error(`object storage answered a range request for ${key} with ${res.ContentLength} bytes instead of ${to - from}`);
    }
    return toBuffer(await res.Body!.transformToByteArray());
  }

  async *list(prefix: string, pageSize = 1000): AsyncGenerator<ListedObject[]> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: pageSize, ContinuationToken: token }));
      yield (page.Contents ?? []).flatMap((o) => (o.Key && o.LastModified ? [{ key: o.Key, lastModified: o.LastModified }] : []));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  // One object per request, not DeleteObjects: that one requires a checksum header, and services disagree on
  // which (Content-MD5 or the SDK's CRC32). Orphans are few.
  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  private async fetch(key: string, range?: string) {
    try {
      return await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range }));
    } catch (err) {
      // A row whose object is gone: lost data, never "no file" (an import would silently read nothing).
      if (err instanceof NoSuchKey) throw new Error(`stored file ${key} is missing from bucket ${this.bucket}`, { cause: err });
      throw err;
    }
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
