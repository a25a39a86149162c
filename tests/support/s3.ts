import crypto from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '@/db/storage/objects';

// s3rver makes the continuation tokens of a truncated ListObjectsV2 answer with DES, which OpenSSL 3 (Node 17
// on) keeps out of its default provider: every listing of more than one page would fail with InternalError.
// For this test server only, 'des' passes the bytes through (the token stays opaque to the client).
const passThrough = () => ({ update: (data: string | Buffer, encoding?: BufferEncoding) => (typeof data === 'string' ? Buffer.from(data, encoding) : data), final: () => Buffer.alloc(0) });
const { createCipheriv, createDecipheriv } = crypto;
crypto.createCipheriv = ((algorithm: string, ...rest: unknown[]) =>
  algorithm === 'des' ? passThrough() : (createCipheriv as (...a: unknown[]) => unknown)(algorithm, ...rest)) as typeof crypto.createCipheriv;
crypto.createDecipheriv = ((algorithm: string, ...rest: unknown[]) =>
  algorithm === 'des' ? passThrough() : (createDecipheriv as (...a: unknown[]) => unknown)(algorithm, ...rest)) as typeof crypto.createDecipheriv;

/**
 * A real S3-protocol server (s3rver) on 127.0.0.1, on a free port, keeping its objects in a temporary
 * directory, with one empty bucket. `settings` are what the portal would read from the S3_* variables.
 */
export async function startS3(opts: { prefix?: string } = {}): Promise<{ settings: S3Settings; stop: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'beian-files', configs: [] }] });
  const { port } = await server.run();
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: 'beian-files',
      // s3rver checks signatures made with these.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
      prefix: opts.prefix ?? '',
    },
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
