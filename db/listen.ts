import type Postgres from 'postgres';

// LISTEN for one NOTIFY channel, on either driver, telling the caller whether it is listening right now.
// A NOTIFY sent while nobody listened is lost for good, so `live(false)` means "assume you missed some".

export type ListenHandlers = { notify: (payload: string) => void; live: (live: boolean) => void };
export type Listening = { stop: () => Promise<void> };
/** Starts listening in the background and returns at once; `on.live` says when it is (and is no longer) up. */
export type Listen = (channel: string, on: ListenHandlers) => Listening;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PostgreSQL: a connection of its own (a pooled one would be handed to queries), never recycled. When it
 * closes (server restart, network, pg_terminate_backend) the caller hears `live(false)` and it is
 * re-established with back-off; `live(true)` follows once LISTEN has run again.
 */
export function postgresListen(postgres: typeof Postgres, url: string): Listen {
  return (channel, on) => {
    let stopped = false;
    let reconnecting = false;
    const sql = postgres(url, {
      max: 1,
      idle_timeout: 0,
      max_lifetime: null,
      fetch_types: false,
      onnotice: () => {},
      // postgres.js delivers NOTIFY to this option; its types only document sql.listen(), whose own
      // reconnection gives no sign of the gap.
      ...({ onnotify: (c: string, payload: string) => c === channel && on.notify(payload) } as object),
      onclose: () => {
        on.live(false);
        if (!stopped) void relisten();
      },
    });
    const listen = async () => {
      await sql`listen ${sql(channel)}`;
      if (!stopped) on.live(true); // stopped meanwhile: never report live for a listener that is gone
    };
    async function relisten() {
      if (reconnecting) return;
      reconnecting = true;
      try {
        for (let delay = 200; !stopped; delay = Math.min(delay * 2, 10_000)) {
          try {
            return await listen();
          } catch {
            await sleep(delay);
          }
        }
      } finally {
        reconnecting = false;
      }
    }
    void relisten();
    return {
      stop: async () => {
        stopped = true;
        on.live(false);
        await sql.end({ timeout: 1 });
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
