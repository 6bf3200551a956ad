// `npm run db:backup` / `npm run db:restore` (db/backup.ts): a verified backup, changes made after it, a
// restore, and the data as it was at the backup. SQLite (online backup API + integrity_check) by default,
// PostgreSQL (pg_dump -Fc / pg_restore) with PG_TEST_URL.
import '../helpers/test-db';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDialect, testDir } from '../helpers/test-db';
import { backupDatabase, BackupError, restoreDatabase } from '@/db/backup';
import { sealName } from '@/lib/personal/records';
import { closeDatabase, q, schema } from '@/lib/store/db';

const url = () => process.env.DATABASE_URL!;
const people = async () => (await q((db) => db.select({ id: schema.persons.id, nameMasked: schema.persons.nameMasked }).from(schema.persons))).map((p) => p.nameMasked).sort();

describe(`备份与恢复（${testDialect}）`, () => {
  it('备份后改动的数据，恢复后回到备份时的样子', async () => {
    const [zhang] = await q((db) => db.insert(schema.persons).values(sealName('张三明')).returning());
    await q((db) => db.insert(schema.persons).values(sealName('李秀英')));
    const file = join(testDir, testDialect === 'postgres' ? 'portal.dump' : 'portal-backup.db');
    const made = await backupDatabase(url(), file);
    expect(made.check).toMatch(testDialect === 'postgres' ? /pg_restore --list: \d+ 张表的数据/ : /integrity_check = ok/);
    await expect(backupDatabase(url(), file)).rejects.toThrow(/已存在/);

    // After the backup: one person renamed, one added.
    await q((db) => db.update(schema.persons).set(sealName('张改名')).where(eq(schema.persons.id, zhang!.id)));
    await q((db) => db.insert(schema.persons).values(sealName('王芳')));
    expect(await people()).toEqual(['张*名', '李*英', '王*'].sort());

    await closeDatabase();
    await restoreDatabase(url(), file);
    expect(await people()).toEqual(['张*明', '李*英'].sort());
    // The restored database takes writes again.
    await q((db) => db.insert(schema.persons).values(sealName('赵大年')));
    expect(await people()).toHaveLength(3);
  });

  it('损坏的备份文件不会被恢复', async () => {
    const bad = join(testDir, 'broken.backup');
    writeFileSync(bad, 'this is not a database backup'.repeat(100));
    await closeDatabase();
    await expect(restoreDatabase(url(), bad)).rejects.toThrow();
    expect(await people()).toHaveLength(3);
  });

  it('PostgreSQL 没有 pg_dump 时说清楚怎么办', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(backupDatabase('postgres://x@127.0.0.1:1/none', join(testDir, 'x.dump'))).rejects.toThrow(BackupError);
      await expect(backupDatabase('postgres://x@127.0.0.1:1/none', join(testDir, 'y.dump'))).rejects.toThrow(/找不到 pg_dump.*postgresql-client/);
    } finally {
      process.env.PATH = path;
    }
  });
});
