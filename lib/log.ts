import pino, { type DestinationStream, type Logger } from 'pino';
import { config } from './config';
import { errorForLog, maskForLog } from './privacy/mask';

// The server's operational log: one JSON object per line on stdout (pino), for the platform's log
// collector. Every line has `level`, `time`, `msg` (a human-readable Chinese / English sentence) and the
// fields the caller adds (`component`, `requestId`, `batchId` …). No personal data: errors go through
// errorForLog (name and masked message, never a stack or payload), and every string field and the
// message itself are masked again here (身份证号, mobile numbers, e-mail addresses), whatever the caller passed.

export type Log = Logger;

function maskValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskForLog(value);
  if (value instanceof Error) return errorForLog(value);
  if (depth > 0 && value && typeof value === 'object') {
    if (Array.isArray(value)) return value.map((v) => maskValue(v, depth - 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, depth - 1)]));
  }
  return value;
}

function level(): string {
  try {
    return config().LOG_LEVEL;
  } catch {
    // A bad environment is reported by whoever validates it; the log itself must still work for that.
    return 'info';
  }
}

/** A logger writing to `destination` (stdout by default); tests pass a stream of their own. */
export function createLogger(destination?: DestinationStream, opts: { level?: string } = {}): Log {
  return pino(
    {
      level: opts.level ?? level(),
      messageKey: 'msg',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // Fields given at the call and by child loggers (requestId, component …).
        log: (fields) => maskValue(fields, 3) as Record<string, unknown>,
        bindings: (bindings) => maskValue(bindings, 3) as Record<string, unknown>,
      },
      serializers: { err: (err: unknown) => errorForLog(err) },
      hooks: {
        // The message and any printf-style arguments.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskForLog(a) : a instanceof Error ? errorForLog(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const KEY = Symbol.for('beian.log');

/** The process's logger (one per process, across module reloads in development). */
function logger(): Log {
  const g = globalThis as typeof globalThis & { [KEY]?: Log };
  return (g[KEY] ??= createLogger());
}

/** Tests read what the process logs: they put a logger of their own (createLogger on a stream) in place. */
export function setLogger(log: Log | undefined): void {
  const g = globalThis as typeof globalThis & { [KEY]?: Log };
  if (log) g[KEY] = log;
  else delete g[KEY];
}

/** A logger whose lines carry `component` (imports, checks, outbox …). */
export function componentLog(component: string): Log {
  return logger().child({ component });
}
