import { currentUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { findMaterialFor, readMaterialBytes } from '@/db/materials/store';
import { materialHeaders } from '@/lib/security/headers';
import { sniffImage } from '@/lib/validation/upload';

const notFound = () => new Response('未找到', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } });

// Uploads are served only to their owner and to staff; everyone else gets the same 404. The type sent is
// the one the stored bytes sniff as (headers: lib/security/headers.ts), never the one the upload claimed.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  const { id } = await params;
  if (!user) return notFound();
  const db = await getDb();
  const row = await findMaterialFor(db, id, user);
  if (!row) return notFound();
  const bytes = await readMaterialBytes(db, row.id);
  const type = bytes ? sniffImage(bytes) : null;
  if (!bytes || !type) return notFound();
  return new Response(new Uint8Array(bytes), { headers: materialHeaders({ type, size: bytes.length, fileName: row.fileName }) });
}
