import { defaultPgliteDir, openDb } from './client';

// `npm run db:migrate`: brings DATABASE_URL (or the embedded database under .data/) up to date.
const handle = await openDb(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dir: defaultPgliteDir() });
console.log(`[migrate] ${handle.kind} schema is up to date`);
await handle.close();
