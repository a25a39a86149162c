import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Tx } from '../client';
import { fileSlices, insertFile, putFile, removeFile, stageFile, type StagedFile } from '../storage/files';
import { PublicError } from '@/lib/errors';
import { IMPORT_COLUMNS, type RawRow } from '@/lib/imports/validate-row';

// An uploaded batch's file is kept with its row (db/storage/files.ts: in the database or a bucket), so that the
// import can be resumed after a crash by whichever process picks it up.

// Matches the server-action body limit in next.config.ts: about 200,000 rows of check results (the bench's
// 100,000-row file is 11 MB). The upload route holds the file in memory already; the stored file is read
// back a slice at a time.
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Stored as UTF-8 whatever the upload's encoding (readUpload converts it). */
const IMPORT_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** An upload converted to UTF-8, with the size and hash of the bytes as they were sent. */
export type ImportUpload = { text: Buffer; sha256: string; bytes: number };

/**
 * Reads the upload chunk by chunk, refusing it past MAX_IMPORT_BYTES, hashing it and converting it to UTF-8 on
 * the way: Excel in a Chinese locale saves CSV as GBK, which is detected on the first bytes (invalid UTF-8) and
 * decoded as GB18030.
 */
export async function readUpload(source: AsyncIterable<Uint8Array>): Promise<ImportUpload> {
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  let bytes = 0;
  let decoder: TextDecoder | null = null;
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    if (bytes > MAX_IMPORT_BYTES) throw new PublicError(`文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分批导入。`);
    hash.update(chunk);
    decoder ??= pickDecoder(chunk);
    parts.push(Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
  }
  parts.push(Buffer.from(decoder?.decode() ?? '', 'utf8'));
  return { text: Buffer.concat(parts), sha256: hash.digest('hex'), bytes };
}

function pickDecoder(first: Uint8Array): TextDecoder {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first.subarray(0, 64 * 1024), { stream: true });
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('gb18030');
  }
}

/** Stores the batch's file (UTF-8 text) in `tx`, the transaction that inserts the batch row; false when it has one. */
export function storeImportFile(tx: Tx, batchId: string, text: Uint8Array): Promise<boolean> {
  return putFile(tx, { importBatchId: batchId }, text, IMPORT_CONTENT_TYPE);
}

/** storeImportFile in two steps: the bytes before the batch's transaction (a bucket upload), the row in it. */
export function stageImportFile(text: Uint8Array): Promise<StagedFile> {
  return stageFile(text, IMPORT_CONTENT_TYPE, 'imports');
}

export function insertImportFile(tx: Tx, batchId: string, file: StagedFile): Promise<boolean> {
  return insertFile(tx, { importBatchId: batchId }, file);
}

export async function removeImportFile(tx: Tx, batchId: string): Promise<void> {
  await removeFile(tx, { importBatchId: batchId });
}

/** The data rows of an upload not stored yet (the preview validates before anything is written). */
export function uploadRows(upload: ImportUpload): AsyncGenerator<{ index: number; row: RawRow }> {
  return parseImportRows([upload.text]);
}

/** The data rows of a stored batch, read from the database or the bucket a slice at a time. */
export async function* storedImportRows(db: Tx, batchId: string): AsyncGenerator<{ index: number; row: RawRow }> {
  const slices = await fileSlices(db, { importBatchId: batchId });
  if (!slices) throw new PublicError('该批次的导入文件已不存在，请重新上传。');
  yield* parseImportRows(slices);
}

/** Hands the parser 64 KB at a time (views, no copies): one huge chunk would be parsed into records all at once. */
async function* small(source: AsyncIterable<Buffer> | Iterable<Buffer>, size = 64 * 1024): AsyncGenerator<Buffer> {
  for await (const part of source) for (let i = 0; i < part.length; i += size) yield part.subarray(i, i + size);
}

/**
 * The data rows, parsed as they stream (never every record at once), each with its 1-based number among the
 * data rows. Refuses a file whose header lacks the required columns.
 */
async function* parseImportRows(source: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<{ index: number; row: RawRow }> {
  const parser = parse({
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
  });
  // pipeline, not pipe: a failed read (the database) fails the parser too, and a consumer stopping early
  // stops the reads. The error itself reaches the loop below through the parser.
  pipeline(Readable.from(small(source)), parser, () => {});
  let index = 0;
  try {
    for await (const record of parser as AsyncIterable<RawRow>) yield { index: ++index, row: record };
  } catch (err) {
    if (err instanceof PublicError) throw err;
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof PublicError) throw cause;
    // The parser's own complaints (codes CSV_…) are about the file; anything else (the database) is not.
    if (!String((err as { code?: unknown }).code ?? '').startsWith('CSV_')) throw err;
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
