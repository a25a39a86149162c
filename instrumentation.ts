// Runs once per server process before requests are served: check the configuration, migrate (and seed the
// demo when asked), then start this process's share of the background work.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { loadConfig } = await import('./lib/config');
  const config = loadConfig();
  const { getDbHandle } = await import('./db/client');
  const { db } = await getDbHandle();
  if (config.DEMO_SEED) {
    const { seedDemo } = await import('./db/seed');
    await seedDemo(db, { quiet: false });
  }
  // An import whose process died mid-way continues from its last committed chunk.
  const { resumeRunningImports } = await import('./db/imports/runner');
  await resumeRunningImports(db);
  if (config.OUTBOX_WORKER) {
    const { startOutboxWorker } = await import('./db/jobs/outbox-worker');
    startOutboxWorker(db);
  }
  if (config.REMINDERS) {
    const { startReminderScheduler } = await import('./db/jobs/reminders');
    startReminderScheduler(db);
  }
  if (config.REVIEW_JOBS) {
    const { startReviewJobs } = await import('./db/jobs/review-jobs');
    startReviewJobs(db);
  }
}
