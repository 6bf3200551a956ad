import 'server-only';
// Re-seals every ciphertext with the current key (`npm run keys:rotate`, scripts/keys-rotate.ts): every
// `*_enc` column of every table (found from the schema, so a new encrypted column is covered without a
// change here), the database file store (stored_files.content) and the upload folder. Also seals the
// `p0:` values the "encrypt personal data" migration left (SQL cannot encrypt).
//
// Batches of `batchSize` rows in primary-key order (keyset paging), each batch one transaction; every
// update is compare-and-set on the old ciphertext, so a value the running portal rewrote meanwhile is left
// alone. Idempotent: a value already sealed with the current key is not touched, so a second run (or a run
// after an interruption) only finishes what is left.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { and, asc, eq, getTableColumns, getTableName, gt, is, Table } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { decrypt, decryptBytes, encrypt, encryptBytes, fileKeyIdOf, keyIdOf, keyring, PENDING_PREFIX } from '@/lib/personal/crypto';
import { env } from '@/lib/env';
import * as sqliteSchema from '@/db/schema';
import * as pgSchema from '@/db/schema.pg';
import { dialect, q, schema, transaction } from '@/lib/store/db';

export type RotateCount = { scanned: number; resealed: number };
export type RotateReport = { keyId: string; columns: Record<string, RotateCount>; storedFiles: RotateCount; folderFiles: RotateCount };

/** Needs sealing again: pending plain values and anything sealed with a key other than the current one. */
function stale(value: string, current: string): boolean {
  return value.startsWith(PENDING_PREFIX) || keyIdOf(value) !== current;
}

type Target = { table: SQLiteTable; tableName: string; pk: SQLiteColumn; enc: [string, SQLiteColumn][] };

/** Every table with `*_enc` columns, with its primary key column. */
export function encryptedColumns(): Target[] {
  const out: Target[] = [];
  for (const value of Object.values(dialect() === 'postgres' ? pgSchema : sqliteSchema)) {
    // On PostgreSQL these are PgTables; typed as the SQLite schema like the rest of the data layer.
    if (!is(value, Table)) continue;
    const table = value as SQLiteTable;
    const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
    const enc = columns.filter(([, c]) => c.name.endsWith('_enc'));
    const pk = columns.find(([, c]) => c.primary);
    if (enc.length === 0 || !pk) continue;
    out.push({ table, tableName: getTableName(table), pk: pk[1], enc });
  }
  return out.sort((a, b) => a.tableName.localeCompare(b.tableName));
}

export async function rotateKeys(opts: { batchSize?: number; log?: (line: string) => void } = {}): Promise<RotateReport> {
  const batchSize = opts.batchSize ?? 500;
  const log = opts.log ?? (() => {});
  const current = keyring().current;
  const report: RotateReport = { keyId: current, columns: {}, storedFiles: { scanned: 0, resealed: 0 }, folderFiles: { scanned: 0, resealed: 0 } };

  for (const t of encryptedColumns()) {
    for (const [, c] of t.enc) report.columns[`${t.tableName}.${c.name}`] = { scanned: 0, resealed: 0 };
    let after: string | number | null = null;
    for (;;) {
      const from: string | number | null = after;
      const rows = await q((db) =>
        db
          .select({ pk: t.pk, ...Object.fromEntries(t.enc) })
          .from(t.table)
          .where(from === null ? undefined : gt(t.pk, from))
          .orderBy(asc(t.pk))
          .limit(batchSize),
      ) as Record<string, string | number | null>[];
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.pk!;
      await transaction(async (db) => {
        for (const row of rows) {
          for (const [key, c] of t.enc) {
            const count = report.columns[`${t.tableName}.${c.name}`]!;
            const old = row[key];
            if (typeof old !== 'string' || old === '') continue;
            count.scanned += 1;
            if (!stale(old, current)) continue;
            const updated = await db
              .update(t.table)
              .set({ [key]: encrypt(decrypt(old)) })
              .where(and(eq(t.pk, row.pk), eq(c, old)))
              .returning({ pk: t.pk });
            if (updated.length) count.resealed += 1;
          }
        }
      });
      log(`  ${t.tableName}: ${rows.length} 行已检查`);
    }
  }

  // Database file store: content is base64 of the sealed bytes.
  const f = schema.storedFiles;
  let afterKey: string | null = null;
  for (;;) {
    const from: string | null = afterKey;
    const rows: { key: string; content: string }[] = await q((db) => db.select({ key: f.key, content: f.content }).from(f).where(from === null ? undefined : gt(f.key, from)).orderBy(asc(f.key)).limit(batchSize));
    if (rows.length === 0) break;
    afterKey = rows[rows.length - 1]!.key;
    await transaction(async (db) => {
      for (const row of rows) {
        report.storedFiles.scanned += 1;
        const sealed = Buffer.from(row.content, 'base64');
        if (fileKeyIdOf(sealed) === current) continue;
        const content = encryptBytes(decryptBytes(sealed)).toString('base64');
        const updated = await db.update(f).set({ content }).where(and(eq(f.key, row.key), eq(f.content, row.content))).returning({ key: f.key });
        if (updated.length) report.storedFiles.resealed += 1;
      }
    });
  }

  // Upload folder: each file is replaced atomically (write beside it, then rename over it).
  const dir = resolve(env().UPLOAD_DIR);
  if (existsSync(dir)) {
    for (const sub of readdirSync(dir)) {
      const subdir = join(dir, sub);
      if (!statSync(subdir).isDirectory()) continue;
      for (const name of readdirSync(subdir)) {
        if (!/^[0-9a-f]{64}$/.test(name)) continue;
        const path = join(subdir, name);
        report.folderFiles.scanned += 1;
        const sealed = readFileSync(path);
        if (fileKeyIdOf(sealed) === current) continue;
        const tmp = `${path}.rotate-${process.pid}`;
        writeFileSync(tmp, encryptBytes(decryptBytes(sealed)), { mode: 0o600 });
        renameSync(tmp, path);
        report.folderFiles.resealed += 1;
      }
    }
  }
  return report;
}
