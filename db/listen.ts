import type Postgres from 'postgres';

// LISTEN for one NOTIFY channel, on either driver, telling the caller whether it is listening right now.
// A NOTIFY sent while nobody listened is lost for good, so `live(false)` means "assume you missed some".

export type ListenHandlers = { notify: (payload: string) => void; live: (live: boolean) => void };
export type Listening = { stop: () => Promise<void> };
/** Starts listening in the background and returns at once; `on.live` says when it is (and is no longer) up. */
export type Listen = (channel: string, on: ListenHandlers) => Listening;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PostgreSQL: one connection of its own for every channel of this handle (a pooled one would be handed to
 * queries, and a listener per cache cost a connection each), never recycled. When it closes (server
 * restart, network, pg_terminate_backend) every subscriber hears `live(false)` and the connection is
 * re-established with back-off; `live(true)` follows once LISTEN has run again. The LISTEN statement names
 * every channel, so a new channel re-runs it (LISTEN is idempotent). Behind PgBouncer in transaction mode
 * this connection goes to PostgreSQL directly (DATABASE_LISTEN_URL): LISTEN needs a session.
 */
export function postgresListen(postgres: typeof Postgres, url: string): Listen {
  const subscribers = new Map<string, Set<ListenHandlers>>();
  let sql: Postgres.Sql | null = null;
  let reconnecting = false;
  const everyone = () => [...subscribers.values()].flatMap((set) => [...set]);
  const statement = () => [...subscribers.keys()].map((c) => `listen "${c.replace(/"/g, '""')}"`).join('; ');

  function connection(): Postgres.Sql {
    const own: Postgres.Sql = postgres(url, {
      max: 1,
      idle_timeout: 0,
      max_lifetime: null,
      fetch_types: false,
      onnotice: () => {},
      // postgres.js delivers NOTIFY to this option; its types only document sql.listen(), whose own
      // reconnection gives no sign of the gap.
      ...({ onnotify: (c: string, payload: string) => subscribers.get(c)?.forEach((h) => h.notify(payload)) } as object),
      onclose: () => {
        if (sql !== own) return; // ended on purpose
        for (const h of everyone()) h.live(false);
        void relisten();
      },
    });
    return own;
  }

  async function relisten() {
    if (reconnecting) return;
    reconnecting = true;
    try {
      for (let delay = 200; sql && subscribers.size; delay = Math.min(delay * 2, 10_000)) {
        try {
          await sql.unsafe(statement());
          for (const h of everyone()) h.live(true);
          return;
        } catch {
          await sleep(delay);
        }
      }
    } finally {
      reconnecting = false;
    }
  }

  return (channel, on) => {
    let stopped = false;
    if (!subscribers.has(channel)) subscribers.set(channel, new Set());
    subscribers.get(channel)!.add(on);
    sql ??= connection();
    const current = sql;
    if (!reconnecting) {
      void current.unsafe(statement()).then(
        () => !stopped && on.live(true),
        () => void relisten(),
      );
    }
    return {
      stop: async () => {
        if (stopped) return;
        stopped = true;
        on.live(false);
        const set = subscribers.get(channel);
        set?.delete(on);
        if (set && set.size === 0) subscribers.delete(channel);
        if (subscribers.size > 0 || !sql) return;
        const ending = sql;
        sql = null;
        await ending.end({ timeout: 1 });
      },
    };
  };
}

/** PGlite runs in this process, so it cannot lose a notification: listening is live until stopped. */
export function pgliteListen(client: { listen: (channel: string, cb: (payload: string) => void) => Promise<() => Promise<void>> }): Listen {
  return (channel, on) => {
    let stopped = false;
    const unlisten = client.listen(channel, on.notify).then((stop) => {
      if (!stopped) on.live(true);
      return stop;
    });
    return {
      stop: async () => {
        stopped = true;
        on.live(false);
        await (await unlisten.catch(() => null))?.();
      },
    };
  };
}
