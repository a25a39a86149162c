import { defaultDbTarget, openDb } from './client';
import { loadConfig } from '@/lib/config';

loadConfig();

// `npm run db:migrate`: brings DATABASE_URL (or the embedded database under .data/) up to date.
const handle = await openDb(defaultDbTarget());
console.log(`[migrate] ${handle.kind} schema is up to date`);
await handle.close();
