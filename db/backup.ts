// Backup and restore of the database DATABASE_URL names (`npm run db:backup`, `npm run db:restore -- FILE`).
// SQLite: the online backup API (better-sqlite3 `db.backup()`: a consistent copy while the portal runs),
// then `PRAGMA integrity_check` on the copy. PostgreSQL: `pg_dump -Fc` (custom format), checked with
// `pg_restore --list`; restored with `pg_restore --clean --if-exists --no-owner --single-transaction`.
// Document contents in the upload folder (FILE_STORAGE=folder) and the keys are not in the database: see
// docs/operations.md. db/ imports nothing from lib/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { isPostgresUrl } from './migrate';

export class BackupError extends Error {}

function integrity(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

function tool(name: 'pg_dump' | 'pg_restore', args: string[]): string {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new BackupError(`找不到 ${name}：请安装 PostgreSQL 客户端工具（Debian/Ubuntu: apt-get install postgresql-client，版本不低于服务器），或把它加入 PATH。`);
  }
  if (r.status !== 0) throw new BackupError(`${name} 失败: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' ')}`);
  return r.stdout;
}

export function defaultBackupFile(url: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `backups/portal-${stamp}.${isPostgresUrl(url) ? 'dump' : 'db'}`;
}

/** Writes a verified backup of the database to `file`; returns what was checked. */
export async function backupDatabase(url: string, file: string): Promise<{ file: string; check: string }> {
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) throw new BackupError(`${file} 已存在，不会覆盖`);
  if (isPostgresUrl(url)) {
    tool('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, url]);
    const entries = tool('pg_restore', ['--list', file]).split('\n').filter((l) => / TABLE DATA /.test(l)).length;
    if (entries === 0) {
      rmSync(file, { force: true });
      throw new BackupError('备份文件里没有任何表的数据，已删除');
    }
    return { file, check: `pg_restore --list: ${entries} 张表的数据` };
  }
  if (!existsSync(url)) throw new BackupError(`数据库文件 ${url} 不存在`);
  const db = new Database(url, { fileMustExist: true });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  const check = integrity(file);
  if (check !== 'ok') {
    rmSync(file, { force: true });
    throw new BackupError(`备份副本的 integrity_check 不是 ok（${check}），已删除`);
  }
  return { file, check: 'integrity_check = ok' };
}

/**
 * Replaces the database's contents with the backup in `file`. SQLite: the backup is checked first, then
 * copied in through the backup API (the target's WAL is handled by SQLite), and the result is checked
 * again. PostgreSQL: pg_restore in one transaction, dropping and recreating what the dump holds.
 */
export async function restoreDatabase(url: string, file: string): Promise<{ check: string }> {
  if (!existsSync(file)) throw new BackupError(`备份文件 ${file} 不存在`);
  if (isPostgresUrl(url)) {
    tool('pg_restore', ['--list', file]);
    tool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${url}`, file]);
    return { check: 'pg_restore 完成' };
  }
  const before = integrity(file);
  if (before !== 'ok') throw new BackupError(`备份文件的 integrity_check 不是 ok（${before}），没有恢复`);
  mkdirSync(dirname(url), { recursive: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(url);
  } finally {
    source.close();
  }
  const after = integrity(url);
  if (after !== 'ok') throw new BackupError(`恢复后的 integrity_check 不是 ok（${after}）`);
  return { check: 'integrity_check = ok' };
}
