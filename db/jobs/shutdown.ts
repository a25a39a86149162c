import type { Db } from '../client';
import { PROCESS_HOLDER, releaseHeldLeases } from './lease';
import { stopLeasedRuns } from './runs';
import { config } from '@/lib/config';
import { componentLog } from '@/lib/log';

// SIGTERM (a deploy, a scale-down) or SIGINT: this process stops taking work, lets what is in flight finish
// (the import chunk or check batch, the e-mails being sent, a scheduler pass), then hands back every lease
// it holds, so another process takes over at its next try instead of after the lease lapses.

export type Stoppable = { stop: () => unknown };

/**
 * Stops the schedulers and loops in `parts` and this process's leased runs, waiting up to `timeoutMs` for
 * the work in flight, then releases (expiry = now) every lease `holder` holds, and says which. Past the
 * time-out the leases are released all the same: a chunk still in flight then fails its lease fence and
 * rolls back, and whoever takes the run over redoes it.
 */
export async function drainBackgroundWork(
  db: Db,
  parts: readonly (Stoppable | null | undefined)[],
  opts: { holder?: string; timeoutMs?: number } = {},
): Promise<{ released: string[]; timedOut: boolean }> {
  const stopping = Promise.allSettled([...parts.flatMap((p) => (p ? [Promise.resolve().then(() => p.stop())] : [])), stopLeasedRuns()]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = await Promise.race([
    stopping.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), opts.timeoutMs ?? config().SHUTDOWN_TIMEOUT_MS);
      timer.unref?.();
    }),
  ]);
  clearTimeout(timer);
  const released = await releaseHeldLeases(db, opts.holder ?? PROCESS_HOLDER);
  return { released, timedOut };
}

const INSTALLED = Symbol.for('beian.shutdownInstalled');
const DRAINING = Symbol.for('beian.draining');

/** Once a stop signal arrived: /readyz answers 503 so the load balancer sends no new requests here. */
export function isDraining(): boolean {
  return (globalThis as typeof globalThis & { [DRAINING]?: true })[DRAINING] === true;
}

/**
 * SIGTERM/SIGINT handlers for a process: drain (above), then `exit`. In the web process the handlers
 * `next start` registered before us (closing the HTTP server, then exiting) are taken aside and run after
 * the drain, so the process does not exit before its leases are handed back; without any, `exit` ends it.
 */
export function installShutdown(
  db: Db,
  parts: readonly (Stoppable | null | undefined)[],
  opts: { label: string; afterDrain?: () => Promise<void> } = { label: 'web' },
): void {
  const g = globalThis as typeof globalThis & { [INSTALLED]?: true };
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const previous = new Map(signals.map((s) => [s, process.listeners(s) as ((signal: NodeJS.Signals) => void)[]]));
  for (const s of signals) process.removeAllListeners(s);
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    (globalThis as typeof globalThis & { [DRAINING]?: true })[DRAINING] = true;
    const log = componentLog(opts.label);
    log.info({ signal }, '收到停止信号：不再领取新工作，等待进行中的工作完成 / stopping: finishing the work in flight');
    void drainBackgroundWork(db, parts)
      .then(({ released, timedOut }) => {
        if (timedOut) log.error({ signal }, '停止超时，仍有工作在进行；租约照常交还 / shutdown time-out: leases released anyway');
        log.info({ released: released.length }, `已交还 ${released.length} 个租约 / leases handed back`);
      })
      .catch((err) => log.error({ err }, '停止过程出错 / shutdown failed'))
      .then(() => opts.afterDrain?.())
      .catch((err) => log.error({ err }, '停止过程出错 / shutdown failed'))
      .finally(() => {
        const next = previous.get(signal as (typeof signals)[number]) ?? [];
        if (next.length === 0) process.exit(0);
        for (const listener of next) listener(signal);
      });
  };
  for (const s of signals) process.on(s, onSignal);
}
