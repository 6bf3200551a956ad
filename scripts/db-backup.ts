// `npm run db:backup [-- FILE]`: a verified backup of the database DATABASE_URL names (docs/operations.md).
import { loadLocalEnv } from '@/db/load-env';
import { backupDatabase, defaultBackupFile } from '@/db/backup';
import { describeUrl } from '@/db/migrate';

loadLocalEnv();
const url = process.env.DATABASE_URL ?? 'data/portal.db';
const file = process.argv[2] ?? defaultBackupFile(url);
try {
  const r = await backupDatabase(url, file);
  console.log(`已备份 ${describeUrl(url)} → ${r.file}（${r.check}）`);
  console.log('提醒：上传的材料（FILE_STORAGE=folder 时在 UPLOAD_DIR）和 .env.local 里的密钥不在数据库里，请一并另行备份。');
} catch (error) {
  console.error('备份失败:', error instanceof Error ? error.message : error);
  process.exit(1);
}
