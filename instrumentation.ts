// Runs once per server process before requests are served: check the configuration, migrate (and seed the
// demo when asked), then start this process's share of the background work.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Every variable validated before anything else: a production portal without its public address, for
  // one, would build sign-in links from request headers. The log names each variable that is wrong.
  const { ConfigError, loadConfig } = await import('./lib/config');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`[config] 门户拒绝启动 / refusing to start: ${err.message}`);
    return process.exit(1);
  }
  // Before any request: the sign-in limits count the socket's address, not a header the client wrote.
  const { installClientAddressStamp } = await import('./lib/security/stamp-client-address');
  installClientAddressStamp(process.env);
  // CHECK_ALLOW_PRIVATE (test-only) is announced loudly at start, honoured or not.
  const { testProbeOverrides } = await import('./db/checks/run');
  testProbeOverrides();
  const { getDbHandle } = await import('./db/client');
  const { db } = await getDbHandle();
  if (config.DEMO_SEED) {
    const { seedDemo } = await import('./db/seed');
    await seedDemo(db, { quiet: false });
  }
  // An import or check run whose process died continues from its last committed chunk, in whichever
  // process picks it up once its lease lapses (db/jobs/runs.ts).
  if (config.RESUME_RUNS) {
    const { startRunResumer } = await import('./db/jobs/runs');
    startRunResumer(db);
  }
  if (config.OUTBOX_WORKER) {
    const { startOutboxWorker } = await import('./db/jobs/outbox-worker');
    startOutboxWorker(db);
  }
  if (config.REMINDERS) {
    const { startReminderScheduler } = await import('./db/jobs/reminders');
    startReminderScheduler(db);
  }
  // Unused uploads, expired sign-in tokens, the self-check log.
  if (config.HOUSEKEEPING) {
    const { startHousekeeping } = await import('./db/jobs/housekeeping');
    startHousekeeping(db);
  }
  if (config.REVIEW_JOBS) {
    const { startReviewJobs } = await import('./db/jobs/review-jobs');
    startReviewJobs(db);
  }
}
