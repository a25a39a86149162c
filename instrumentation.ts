// Runs once per server process before requests are served: migrate (and seed the demo when asked).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // CHECK_ALLOW_PRIVATE (test-only) is announced loudly at start, honoured or not.
  const { testProbeOverrides } = await import('./db/checks/run');
  testProbeOverrides();
  const { getDbHandle } = await import('./db/client');
  const { db } = await getDbHandle();
  if (process.env.DEMO_SEED === '1') {
    const { seedDemo } = await import('./db/seed');
    await seedDemo(db, { quiet: false });
  }
  // An import whose process died mid-way continues from its last committed chunk.
  const { resumeRunningImports } = await import('./db/imports/runner');
  await resumeRunningImports(db);
  if (process.env.OUTBOX_WORKER !== '0') {
    const { startOutboxWorker } = await import('./db/jobs/outbox-worker');
    startOutboxWorker(db);
  }
  if (process.env.REMINDERS !== '0') {
    const { startReminderScheduler } = await import('./db/jobs/reminders');
    startReminderScheduler(db);
  }
  // Unused uploads, expired sign-in tokens, the self-check log.
  if (process.env.HOUSEKEEPING !== '0') {
    const { startHousekeeping } = await import('./db/jobs/housekeeping');
    startHousekeeping(db);
  }
  if (process.env.REVIEW_JOBS !== '0') {
    const { startReviewJobs } = await import('./db/jobs/review-jobs');
    startReviewJobs(db);
  }
}
