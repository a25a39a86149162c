// Child process for tests/db/faults.test.ts: starts an order transition, announces it is inside the
// transaction, then hangs until the parent kills it with SIGKILL.
import { openDb } from '@/db/client';
import { transitionOrder } from '@/db/orders/transition';

const [target, orderId, ownerId] = process.argv.slice(2) as [string, string, string];
const h = await openDb(target.startsWith('postgres') ? { url: target, migrate: false } : { dir: target, migrate: false });
await transitionOrder(h.db, {
  orderId,
  event: 'submit',
  actor: { id: ownerId, role: 'filer' },
  alsoInTx: async () => {
    process.stdout.write('in-tx\n');
    await new Promise((r) => setTimeout(r, 60_000));
  },
});
