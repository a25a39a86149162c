import { currentUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { findMaterialFor, readMaterialBytes } from '@/db/materials/store';

// Uploads are served only to their owner and to staff; everyone else gets the same 404.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  const { id } = await params;
  const row = user ? await findMaterialFor(await getDb(), id, user) : undefined;
  if (!row) return new Response('未找到', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const bytes = await readMaterialBytes(row.id).catch(() => null);
  if (!bytes) return new Response('未找到', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': row.mime,
      'content-length': String(bytes.length),
      'cache-control': 'private, max-age=300',
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
    },
  });
}
