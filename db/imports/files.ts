import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { PublicError } from '@/lib/errors';
import { IMPORT_COLUMNS, type RawRow } from '@/lib/imports/validate-row';
import { config } from '@/lib/config';

// Uploaded batches live outside public/, one file per batch, so an import can be resumed after a crash.

// Matches the server-action body limit in next.config.ts: about 200,000 rows of check results (the bench's
// 100,000-row file is 11 MB). The file is streamed to disk and read back a chunk at a time.
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function importDir(): string {
  return config().IMPORT_DIR ?? path.join(process.cwd(), '.data', 'imports');
}

export function importFilePath(batchId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(batchId)) throw new PublicError('导入批次编号无效。');
  return path.join(importDir(), `${batchId}.csv`);
}

/**
 * Streams the upload to disk chunk by chunk, hashing it and converting it to UTF-8 on the way: Excel in a
 * Chinese locale saves CSV as GBK, which is detected on the first bytes (invalid UTF-8) and decoded as GB18030.
 */
export async function saveUpload(batchId: string, source: AsyncIterable<Uint8Array>): Promise<{ sha256: string; bytes: number }> {
  await mkdir(importDir(), { recursive: true });
  const file = importFilePath(batchId);
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  let bytes = 0;
  let decoder: TextDecoder | null = null;
  try {
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > MAX_IMPORT_BYTES) throw new PublicError(`文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分批导入。`);
      hash.update(chunk);
      decoder ??= pickDecoder(chunk);
      if (!out.write(decoder.decode(chunk, { stream: true }))) await once(out, 'drain');
    }
    out.end(decoder?.decode() ?? '');
    await once(out, 'finish');
    return { sha256: hash.digest('hex'), bytes };
  } catch (err) {
    out.destroy();
    await rm(file, { force: true });
    throw err;
  }
}

function pickDecoder(first: Uint8Array): TextDecoder {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first.subarray(0, 64 * 1024), { stream: true });
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('gb18030');
  }
}

export async function removeUpload(batchId: string): Promise<void> {
  await rm(importFilePath(batchId), { force: true });
}

/**
 * The data rows of a stored batch, streamed (never the whole file in memory), each with its 1-based
 * number among the data rows. Refuses a file whose header lacks the required columns.
 */
export async function* readImportRows(batchId: string): AsyncGenerator<{ index: number; row: RawRow }> {
  const parser = createReadStream(importFilePath(batchId)).pipe(
    parse({
      bom: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        const missing = [IMPORT_COLUMNS.subject, IMPORT_COLUMNS.code].filter((c) => !names.includes(c));
        if (missing.length) throw new PublicError(`文件缺少必填列：${missing.join('、')}。第一行应为列名：${Object.values(IMPORT_COLUMNS).join('，')}。`);
        return names;
      },
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }),
  );
  let index = 0;
  try {
    for await (const record of parser as AsyncIterable<RawRow>) yield { index: ++index, row: record };
  } catch (err) {
    if (err instanceof PublicError) throw err;
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof PublicError) throw cause;
    throw new PublicError(`第 ${index + 1} 行无法解析为 CSV：${(err as Error).message}`);
  }
}

/** Groups a stream into arrays of `size` (the last one shorter). */
export async function* chunked<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let buf: T[] = [];
  for await (const item of source) {
    buf.push(item);
    if (buf.length >= size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length) yield buf;
}

/**
 * Starts producing the next item as soon as the current one is handed out, so parsing the next chunk of the
 * file overlaps with the database work on this one (the process is otherwise idle while it waits). Closes the
 * source when the consumer stops early.
 */
export async function* prefetched<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  const pull = () => {
    const p = it.next();
    p.catch(() => {}); // a failure is rethrown where it is awaited, never reported as unhandled
    return p;
  };
  let next = pull();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = pull();
      yield r.value;
    }
  } finally {
    await it.return?.();
  }
}
