import { openDb } from '../client';
import { runOutboxWorker } from './outbox-worker';
import { startReminderScheduler } from './reminders';
import { deploymentProblems } from '@/lib/config/deployment';
import { config, loadConfig } from '@/lib/config';
import { startHousekeeping } from './housekeeping';
import { startReviewJobs } from './review-jobs';
import { startRunResumer } from './runs';
import { installShutdown } from './shutdown';
import { componentLog } from '@/lib/log';

const log = componentLog('worker');

// `npm run worker`: the outbox loop and the scheduled jobs (reminders, clean-up, order expiry and SMS
// time-outs; each run by one process at a time under its lease) on their own, beside one or more web
// instances; REMINDERS, HOUSEKEEPING, REVIEW_JOBS and RESUME_RUNS turn each off as in the web process.
const url = loadConfig().DATABASE_URL;
if (!url) {
  log.fatal(
    '需要设置 DATABASE_URL：内嵌数据库（PGlite）的数据目录只能由一个进程打开，独立的发送进程只能配合 PostgreSQL 使用；使用内嵌数据库时，门户进程自带发送循环。 / ' +
      'DATABASE_URL is required: a PGlite data directory serves one process only, so a standalone worker needs PostgreSQL. With the embedded database the portal process runs the worker itself.',
  );
  process.exit(2);
}

// Reminders carry links: built from PUBLIC_BASE_URL, which production must set (as for the portal).
const problems = deploymentProblems(process.env);
if (problems.length > 0) {
  for (const p of problems) log.fatal({ problem: p }, `拒绝启动 / refusing to start: ${p}`);
  process.exit(2);
}

const handle = await openDb({ url, migrate: false });
const worker = runOutboxWorker(handle.db, { logSends: true });
const reminders = config().REMINDERS ? startReminderScheduler(handle.db) : null;
const housekeeping = config().HOUSEKEEPING ? startHousekeeping(handle.db) : null;
const reviewJobs = config().REVIEW_JOBS ? startReviewJobs(handle.db) : null;
const resumer = config().RESUME_RUNS ? startRunResumer(handle.db) : null;
// The loop's own timers are unref'd (so they never hold the web process open); here something must.
const keepAlive = setInterval(() => {}, 60_000);
const jobs = [reminders && 'reminders', housekeeping && 'housekeeping', reviewJobs && 'review-jobs', resumer && 'resume-runs'].filter(Boolean);
log.info({ jobs }, `发送进程已启动；定时任务：${jobs.join('、') || '无'} / worker started`);

// SIGTERM/SIGINT: no new work, the messages and the import chunk in flight finish, every lease is handed
// back, then the process exits (db/jobs/shutdown.ts).
installShutdown(handle.db, [worker, reminders, housekeeping, reviewJobs, resumer], {
  label: 'worker',
  afterDrain: async () => {
    clearInterval(keepAlive);
    await handle.close();
    log.info('发送进程已停止 / worker stopped');
  },
});
