// Applies drizzle-kit's generated migrations. Run by `npm run db:migrate` and by every start command.
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import { loadLocalEnv } from './load-env';
import { openDatabase } from './index';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export function runMigrations(path: string): void {
  const database = openDatabase(path);
  migrate(database, { migrationsFolder: MIGRATIONS_FOLDER });
  database.$client.close();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  loadLocalEnv();
  const path = process.env.DATABASE_URL ?? 'data/portal.db';
  runMigrations(path);
  console.log(`数据库已迁移到最新版本: ${path}`);
}
