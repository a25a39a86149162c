import { openDb } from '../client';
import { runOutboxWorker } from './outbox-worker';
import { startReminderScheduler } from './reminders';
import { startHousekeeping } from './housekeeping';

// `npm run worker`: the outbox loop (and the reminder scheduler) on its own, beside one or more web
// instances. SIGTERM/SIGINT let the message being sent finish, then the process exits.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    '[worker] 需要设置 DATABASE_URL：内嵌数据库（PGlite）的数据目录只能由一个进程打开，独立的发送进程只能配合 PostgreSQL 使用；使用内嵌数据库时，门户进程自带发送循环。\n' +
      '[worker] DATABASE_URL is required: a PGlite data directory serves one process only, so a standalone worker needs PostgreSQL. With the embedded database the portal process runs the worker itself.',
  );
  process.exit(2);
}

const handle = await openDb({ url, migrate: false });
const worker = runOutboxWorker(handle.db, { log: (m) => console.log(m) });
const reminders = process.env.REMINDERS !== '0' ? startReminderScheduler(handle.db) : null;
const housekeeping = process.env.HOUSEKEEPING !== '0' ? startHousekeeping(handle.db) : null;
// The loop's own timers are unref'd (so they never hold the web process open); here something must.
const keepAlive = setInterval(() => {}, 60_000);
console.log('[worker] outbox worker started');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing the current message…`);
  reminders?.stop();
  housekeeping?.stop();
  clearInterval(keepAlive);
  await worker.stop();
  await handle.close();
  console.log('[worker] stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
