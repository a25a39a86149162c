import { defaultDbTarget, openDb } from './client';
import { loadConfig } from '@/lib/config';

loadConfig();
import { seedDemo } from './seed';

// `npm run db:seed`: idempotent; a second run finds the demo admin and changes nothing.
const handle = await openDb(defaultDbTarget());
const result = await seedDemo(handle.db);
console.log(`[seed] ${result === 'seeded' ? 'demo data written' : 'demo data already present, nothing changed'}`);
await handle.close();
