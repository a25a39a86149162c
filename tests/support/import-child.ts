// Child process for tests/db/faults.test.ts: runs a CSV import and, once `afterChunks` chunks have
// committed, stops dead inside the next chunk's transaction (its first finding insert) and announces it,
// so the parent can SIGKILL it there.
import { openDb } from '@/db/client';
import { runImportBatch } from '@/db/imports/runner';

const [target, batchId, afterChunks] = process.argv.slice(2) as [string, string, string];
let chunkInserts = 0;
const logger = {
  logQuery(query: string) {
    if (!/^insert into "?findings"?/i.test(query.trim())) return;
    chunkInserts++;
    if (chunkInserts > Number(afterChunks)) {
      process.stdout.write('in-chunk\n');
      // Block the thread synchronously: the transaction stays open, half-way, until the kill.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    }
  },
};
const h = await openDb(target.startsWith('postgres') ? { url: target, migrate: false, logger } : { dir: target, migrate: false, logger });
await runImportBatch(h.db, batchId, { chunkSize: 10 });
process.stdout.write('finished\n');
