// `npm run keys:rotate`: re-seals every encrypted column and stored file with the current key (the first
// of DATA_ENCRYPTION_KEYS), on SQLite or PostgreSQL (DATABASE_URL), and prints what it did. Safe to run
// while the portal runs and to run again. Afterwards the old key can be removed from DATA_ENCRYPTION_KEYS
// (and DATA_ENCRYPTION_KEY, which is key k1). See docs/security.md "Key rotation".
import { loadLocalEnv } from '@/db/load-env';
import { describeUrl } from '@/db/migrate';
import { rotateKeys } from '@/lib/store/rotate';
import { closeDatabase } from '@/lib/store/db';

loadLocalEnv();
const batch = Number(process.argv.find((a) => a.startsWith('--batch='))?.slice(8) ?? 500);
const started = Date.now();
console.log(`重新加密: ${describeUrl(process.env.DATABASE_URL ?? 'data/portal.db')}，每批 ${batch} 行`);
try {
  const r = await rotateKeys({ batchSize: batch, log: (line) => console.log(line) });
  console.log(`当前密钥: ${r.keyId}`);
  for (const [column, c] of Object.entries(r.columns)) console.log(`  ${column.padEnd(36)} 已检查 ${c.scanned}，重新加密 ${c.resealed}`);
  console.log(`  ${'stored_files.content'.padEnd(36)} 已检查 ${r.storedFiles.scanned}，重新加密 ${r.storedFiles.resealed}`);
  console.log(`  ${'上传文件夹'.padEnd(34)} 已检查 ${r.folderFiles.scanned}，重新加密 ${r.folderFiles.resealed}`);
  console.log(`完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
} catch (error) {
  console.error('重新加密失败:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
