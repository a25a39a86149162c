// How big a request body may be. Server actions (sign-in, a draft save, a review decision) need kilobytes:
// next.config.ts sets their limit and proxy.ts answers 413 to a larger declared body before anything reads
// it. The two uploads are route handlers with limits of their own, just above the largest file they take.

export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
/** Multipart boundaries, part headers and the small fields beside the file. */
const ENVELOPE = 64 * 1024;
/** One image: MAX_UPLOAD_BYTES (4 MB, lib/validation/upload.ts) plus the envelope. */
export const MATERIAL_UPLOAD_BODY_LIMIT_BYTES = 4 * 1024 * 1024 + ENVELOPE;
/** One CSV file of the import: MAX_IMPORT_BYTES (20 MB, db/imports/files.ts) plus the envelope. */
export const IMPORT_UPLOAD_BODY_LIMIT_BYTES = 20 * 1024 * 1024 + ENVELOPE;

/** Paths of the upload route handlers, which read their own bodies (and so bypass the proxy). */
export const MATERIAL_UPLOAD_PATH = '/materials/upload';
export const IMPORT_UPLOAD_PATH = '/admin/notices/import/upload';

export const BODY_TOO_LARGE_MESSAGE = '提交的内容过大，已拒绝。上传图片请使用 200 KB – 4 MB 的 JPG、PNG 或 GIF 文件。';

/** The declared body size is over `limit` (an absent or malformed Content-Length is judged while reading). */
export function declaredTooLarge(contentLength: string | null, limit: number): boolean {
  if (contentLength === null || !/^\d+$/.test(contentLength.trim())) return false;
  return Number(contentLength) > limit;
}

/** What an upload route handler answers (JSON), shaped like a server action's state. */
export type UploadReply<T = undefined> = { ok: true; message?: string; data?: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };
