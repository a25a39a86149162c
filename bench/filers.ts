import postgres from 'postgres';
import { decodeSessionJwt, encodeSessionJwt } from '@/lib/auth/session-jwt';

// Many distinct signed-in filers for the page benchmarks. One cached filer says what a page costs when its
// data sits in memory; a rotation over more filers than the per-process page cache holds (2,000) says what
// it costs when most requests query. Signing 3,000 filers in through the form would take minutes of scrypt,
// so the bench filer signs in once and the others' session tokens are minted from its claims with the
// server's secret, exactly as Auth.js would issue them.

export type RotatingFiler = { cookie: string; rectification: string | null };

export async function rotatingFilers(opts: { dbUrl: string; secret: string; templateCookie: string; count: number }): Promise<RotatingFiler[]> {
  const [name, token] = sessionCookie(opts.templateCookie);
  const template = await decodeSessionJwt({ token, secret: opts.secret, salt: name });
  if (!template) throw new Error('the bench filer has no session token');
  const sql = postgres(opts.dbUrl, { max: 1, onnotice: () => {} });
  try {
    const [me] = await sql`select id, email, name, session_version from users where email = 'bench-filer@bench.example'`;
    // Each filer with its first open finding (distinct on owner), spread over the whole table.
    const rows = await sql`
      select u.id, u.email, u.name, u.session_version, f.id as finding
      from users u
      left join lateral (
        select f.id from subjects s join findings f on f.subject_id = s.id
        where s.owner_id = u.id and f.status = 'open' order by f.deadline, f.id limit 1
      ) f on true
      where u.role = 'filer'
      order by md5(u.id::text)
      limit ${opts.count}`;
    const swap = JSON.stringify({ ...template, iat: undefined, exp: undefined, jti: undefined });
    const out: RotatingFiler[] = [];
    for (const r of rows) {
      const claims = JSON.parse(
        swap.replaceAll(me!.id as string, r.id as string).replaceAll(me!.email as string, r.email as string).replaceAll(JSON.stringify(me!.name).slice(1, -1), JSON.stringify(r.name).slice(1, -1)),
      );
      claims.sv = r.session_version; // auth.config.ts: the session version every request compares with the row
      const minted = await encodeSessionJwt({ token: claims, secret: opts.secret, salt: name, maxAge: 8 * 3600 });
      out.push({ cookie: `${name}=${minted}`, rectification: r.finding ? `/rectifications/${r.finding}` : null });
    }
    return out;
  } finally {
    await sql.end();
  }
}

function sessionCookie(cookieHeader: string): [string, string] {
  for (const part of cookieHeader.split(/;\s*/)) {
    const i = part.indexOf('=');
    const name = part.slice(0, i);
    if (name.endsWith('session-token')) return [name, part.slice(i + 1)];
  }
  throw new Error('no session cookie');
}
