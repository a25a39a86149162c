import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';

// Debian's PgBouncer in transaction mode in front of the test PostgreSQL, for the tests that show the portal
// works behind it (.ci/run installs the package). Config, log and pid file live in `dir`.

export const PGBOUNCER = '/usr/sbin/pgbouncer';
export const hasPgbouncer = () => existsSync(PGBOUNCER);

export const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(true));
  });

/** Starts PgBouncer on 127.0.0.1:`port` for the server of `pgUrl`; resolves once it accepts connections. */
export async function startPgbouncer(pgUrl: string, dir: string, port: number, poolSize = 3): Promise<ChildProcess> {
  const pg = new URL(pgUrl);
  writeFileSync(path.join(dir, 'users.txt'), `"${pg.username || 'postgres'}" ""\n`);
  writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${pg.hostname} port=${pg.port || 5432}`,
      '[pgbouncer]',
      `listen_addr = 127.0.0.1`,
      `listen_port = ${port}`,
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 200',
      `unix_socket_dir =`,
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
    ].join('\n'),
  );
  for (const f of ['', 'users.txt', 'pgbouncer.ini']) chmodSync(path.join(dir, f), f ? 0o644 : 0o777);
  // PgBouncer refuses to run as root: as root, run it as the postgres user.
  const asRoot = process.getuid?.() === 0;
  const child = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), path.join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  for (let i = 0; i < 100 && (await portFree(port)); i++) await new Promise((r) => setTimeout(r, 50));
  return child;
}
