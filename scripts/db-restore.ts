// `npm run db:restore -- FILE --yes`: replaces the database DATABASE_URL names with a backup made by
// `npm run db:backup`. Stop the portal first (docs/operations.md); then run `npm run db:migrate` so a backup
// from an older release is brought up to date.
import { loadLocalEnv } from '@/db/load-env';
import { restoreDatabase } from '@/db/backup';
import { describeUrl } from '@/db/migrate';

loadLocalEnv();
const url = process.env.DATABASE_URL ?? 'data/portal.db';
const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) {
  console.error('用法: npm run db:restore -- 备份文件 --yes');
  process.exit(2);
}
if (!process.argv.includes('--yes')) {
  console.error(`这会用 ${file} 覆盖 ${describeUrl(url)} 的全部数据。请先停止门户服务，确认后加 --yes 再运行。`);
  process.exit(2);
}
try {
  const r = await restoreDatabase(url, file);
  console.log(`已从 ${file} 恢复 ${describeUrl(url)}（${r.check}）。接着运行 npm run db:migrate，再启动服务。`);
} catch (error) {
  console.error('恢复失败:', error instanceof Error ? error.message : error);
  process.exit(1);
}
