import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDbTarget, openDb } from '../client';
import { loadConfig } from '@/lib/config';
import { migrateLocalFiles, moveFilesToBucket } from './migrate-local';
import { writeStore } from './objects';

loadConfig();

// `npm run storage:migrate [-- --uploads DIR --imports DIR]`: moves uploads and import files that earlier
// versions kept on local disk (by default .data/uploads and .data/imports) into the configured storage: the
// database, or with STORAGE=s3 the bucket, where files kept in the database so far go too. Safe to run
// again; with the embedded database, stop the portal first (a PGlite directory serves one process).
const { values } = parseArgs({ options: { uploads: { type: 'string' }, imports: { type: 'string' } } });
const dirs = {
  uploads: path.resolve(values.uploads ?? path.join('.data', 'uploads')),
  imports: path.resolve(values.imports ?? path.join('.data', 'imports')),
};
const handle = await openDb(defaultDbTarget());
try {
  const store = writeStore();
  const r = await migrateLocalFiles(handle.db, dirs);
  console.log(`[storage] uploads: ${dirs.uploads}; imports: ${dirs.imports}; into: ${store ? 'bucket (STORAGE=s3)' : 'database'}`);
  console.log(`[storage] migrated ${r.migrated}, skipped ${r.skipped}, missing ${r.missing}`);
  console.log(`[storage] 已迁移 ${r.migrated} 个，跳过 ${r.skipped} 个（已存储或不是上传文件），缺少对应记录 ${r.missing} 个；原文件未删除。`);
  if (store) {
    const moved = await moveFilesToBucket(handle.db, store);
    console.log(`[storage] moved ${moved} files from the database to the bucket / 已将数据库中的 ${moved} 个文件移至对象存储。`);
  }
} finally {
  await handle.close();
}
