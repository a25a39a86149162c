import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { PublicError } from '@/lib/errors';
import { checkUpload, sniffImage } from '@/lib/validation/upload';
import { config } from '@/lib/config';

// Uploaded materials live outside public/ (never served statically) under UPLOAD_DIR, one file per id.
export function uploadDir(): string {
  return config().UPLOAD_DIR ?? path.join(process.cwd(), '.data', 'uploads');
}

const MIME = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif' } as const;

export type SavedMaterial = { id: string; fileName: string; mime: string; size: number };

/**
 * Checks an upload by its bytes (type and size) before anything is stored, then writes the file and its
 * row. The file is written first under a temporary name and renamed, so a crash never leaves a row
 * pointing at half a file.
 */
export async function saveMaterial(
  tx: Tx,
  input: { ownerId: string; bytes: Uint8Array; fileName: string; kind: string; orderId?: string | null; recheckId?: string | null },
): Promise<SavedMaterial> {
  const problem = checkUpload(input.bytes, input.fileName);
  if (problem) throw new PublicError(problem, { file: [problem] });
  const type = sniffImage(input.bytes)!;
  const fileName = input.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(-120);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const [row] = await tx
    .insert(t.materials)
    .values({ ownerId: input.ownerId, orderId: input.orderId ?? null, recheckId: input.recheckId ?? null, kind: input.kind, fileName, mime: MIME[type], size: input.bytes.length, sha256 })
    .returning();
  await mkdir(uploadDir(), { recursive: true });
  const final = path.join(uploadDir(), row!.id);
  await writeFile(`${final}.part`, input.bytes);
  await rename(`${final}.part`, final);
  return { id: row!.id, fileName, mime: row!.mime, size: row!.size };
}

export type MaterialRow = typeof t.materials.$inferSelect;

/** The material if `viewer` may see it: its owner, or any staff member. Undefined otherwise (→ 404). */
export async function findMaterialFor(tx: Tx, id: string, viewer: { id: string; role: string }): Promise<MaterialRow | undefined> {
  // A malformed id is a miss, not a database error.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const where = viewer.role === 'filer' ? and(eq(t.materials.id, id), eq(t.materials.ownerId, viewer.id)) : eq(t.materials.id, id);
  const [row] = await tx.select().from(t.materials).where(where);
  return row;
}

export async function readMaterialBytes(id: string): Promise<Buffer> {
  return readFile(path.join(uploadDir(), id));
}

/** Attaches the owner's loose uploads to an order (ownership re-checked in the where clause). */
export async function attachMaterials(tx: Tx, ownerId: string, orderId: string, ids: string[]) {
  for (const id of ids) {
    await tx.update(t.materials).set({ orderId }).where(and(eq(t.materials.id, id), eq(t.materials.ownerId, ownerId)));
  }
}
