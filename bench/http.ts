import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';

// Helpers for the HTTP benchmarks: start `next start` in its own process group, sign in through Auth.js'
// credentials endpoint (no browser), load-test with autocannon, read the server's RSS, and weigh the
// JavaScript a page loads first.

export type Server = { url: string; pid: number; stop: () => Promise<void> };

export async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...process.env, PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, ...env, OUTBOX_WORKER: '0', REMINDERS: '0', REVIEW_JOBS: '0', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
    detached: true, // its own process group, so stopping it also stops next-server
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/ping`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 1000));
    },
  };
}

/** Signs in with e-mail and password and returns the Cookie header of the session. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/' }),
  });
  const session = cookiesOf(res);
  if (!session.includes('session-token')) throw new Error(`sign-in failed for ${email}`);
  return `${jar}; ${session}`;
}

/** The cookies a response sets, as a Cookie header; a name set twice keeps its last value, as browsers do. */
function cookiesOf(res: Response): string {
  const jar = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0]!;
    jar.set(pair.split('=')[0]!, pair);
  }
  return [...jar.values()].join('; ');
}

export type LoadResult = { rps: number; p99: number; errors: number; non2xx: number };

/** A request of a rotation: each one goes to the next path with the next user's cookie. */
export type Visit = { path: string; cookie: string };

export async function load(url: string, opts: { connections: number; seconds: number; cookie?: string; rotate?: Visit[] }): Promise<LoadResult> {
  const rotate = opts.rotate;
  let next = 0;
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.cookie ? { cookie: opts.cookie } : {},
    // Shared across connections, so the rotation walks every user in turn whatever the concurrency.
    ...(rotate?.length
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => {
                const v = rotate[next++ % rotate.length]!;
                return { ...req, path: v.path, headers: { ...req.headers, cookie: v.cookie } };
              },
            },
          ],
        }
      : {}),
  });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** Resident memory of the server and its children (next start forks next-server), in MB. */
export function rssMb(pid: number): number {
  const pids = [pid, ...childPids(pid)];
  let kb = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      /* exited */
    }
  }
  return kb / 1024;
}

function childPids(pid: number): number[] {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.flatMap((k) => [k, ...childPids(k)]);
  } catch {
    return [];
  }
}

/** The gzip size of every script the page's HTML loads, in KB — what a first visit downloads. */
export async function firstLoadJsKb(base: string, path: string, cookie?: string): Promise<number> {
  const html = await (await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let bytes = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return bytes / 1024;
}
