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
    const { componentLog } = await import('./lib/log');
    componentLog('config').fatal({ variables: err.variables }, `门户拒绝启动 / refusing to start: ${err.message}`);
    return process.exit(1);
  }
  // Before any request: the sign-in limits count the socket's address, not a header the client wrote.
  const { installClientAddressStamp } = await import('./lib/security/stamp-client-address');
  installClientAddressStamp(process.env);
  // Every request gets its id (kept by proxy.ts, carried by the log lines) and its duration by route pattern,
  // method and status class in /metrics.
  const { installRequestObserver } = await import('./lib/http/request-observer');
  const { observeRequest } = await import('./db/metrics');
  installRequestObserver(observeRequest);
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
  const background: { stop: () => unknown }[] = [];
  if (config.RESUME_RUNS) {
    const { startRunResumer } = await import('./db/jobs/runs');
    background.push(startRunResumer(db));
  }
  if (config.OUTBOX_WORKER) {
    const { startOutboxWorker } = await import('./db/jobs/outbox-worker');
    background.push(startOutboxWorker(db));
  }
  if (config.REMINDERS) {
    const { startReminderScheduler } = await import('./db/jobs/reminders');
    background.push(startReminderScheduler(db));
  }
  // Unused uploads, expired sign-in tokens, the self-check log.
  if (config.HOUSEKEEPING) {
    const { startHousekeeping } = await import('./db/jobs/housekeeping');
    background.push(startHousekeeping(db));
  }
  if (config.REVIEW_JOBS) {
    const { startReviewJobs } = await import('./db/jobs/review-jobs');
    background.push(startReviewJobs(db));
  }
  // SIGTERM/SIGINT: no new jobs; the chunk, e-mails and scheduler pass in flight finish; every lease this
  // process holds is handed back; then Next closes the server and exits (db/jobs/shutdown.ts).
  const { installShutdown } = await import('./db/jobs/shutdown');
  installShutdown(db, background, { label: 'web' });
}
