// Runs once per server process before requests are served: migrate (and seed the demo when asked).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // A production portal without its public address would build sign-in links from request headers.
  const { deploymentProblems } = await import('./lib/config/deployment');
  const problems = deploymentProblems(process.env);
  if (problems.length > 0) {
    for (const p of problems) console.error(`[config] 门户拒绝启动 / refusing to start: ${p}`);
    process.exit(1);
  }
  // Before any request: the sign-in limits count the socket's address, not a header the client wrote.
  const { installClientAddressStamp } = await import('./lib/security/stamp-client-address');
  installClientAddressStamp(process.env);
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
  if (process.env.REVIEW_JOBS !== '0') {
    const { startReviewJobs } = await import('./db/jobs/review-jobs');
    startReviewJobs(db);
  }
}
