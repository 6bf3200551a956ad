import 'server-only';
// Where document contents live: a folder (default; shared storage when several instances run) or the
// database (FILE_STORAGE=database, for deployments with no shared disk). Contents are always encrypted
// (AES-256-GCM) and addressed by a keyed hash of their SHA-256, so neither the folder nor the table shows
// what a file is. The documents table holds the references; unreferenced contents are deleted.
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { decryptBytes, encryptBytes, lookupHash } from '@/lib/personal/crypto';
import { env } from '@/lib/env';
import { q, schema } from '@/lib/store/db';

export interface FileStore {
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  get(sha256: string): Promise<Buffer | null>;
  delete(sha256: string): Promise<void>;
}

function storageKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad hash');
  return lookupHash(`file:${sha256}`);
}

const folderStore: FileStore = {
  async put(sha256, bytes) {
    const path = folderPath(sha256);
    if (existsSync(path)) return;
    mkdirSync(dirname(/*turbopackIgnore: true*/ path), { recursive: true });
    writeFileSync(path, encryptBytes(bytes), { mode: 0o600 });
  },
  async get(sha256) {
    const path = folderPath(sha256);
    return existsSync(path) ? decryptBytes(readFileSync(path)) : null;
  },
  async delete(sha256) {
    rmSync(folderPath(sha256), { force: true });
  },
};

function folderPath(sha256: string): string {
  const key = storageKey(sha256);
  return join(/*turbopackIgnore: true*/ resolve(env().UPLOAD_DIR), key.slice(0, 2), key);
}

const databaseStore: FileStore = {
  async put(sha256, bytes) {
    const key = storageKey(sha256);
    await q((db) => db.insert(schema.storedFiles).values({ key, content: encryptBytes(bytes).toString('base64'), sizeBytes: bytes.byteLength }).onConflictDoNothing());
  },
  async get(sha256) {
    const [row] = await q((db) => db.select({ content: schema.storedFiles.content }).from(schema.storedFiles).where(eq(schema.storedFiles.key, storageKey(sha256))));
    return row ? decryptBytes(Buffer.from(row.content, 'base64')) : null;
  },
  async delete(sha256) {
    await q((db) => db.delete(schema.storedFiles).where(eq(schema.storedFiles.key, storageKey(sha256))));
  },
};

export function fileStore(kind: 'folder' | 'database' = env().FILE_STORAGE): FileStore {
  return kind === 'database' ? databaseStore : folderStore;
}

/** Deletes the contents whose hashes no document row references any more. */
export async function deleteIfUnreferenced(hashes: string[], store: FileStore = fileStore()): Promise<number> {
  if (hashes.length === 0) return 0;
  const d = schema.documents;
  const still = new Set((await q((db) => db.select({ sha256: d.sha256 }).from(d).where(inArray(d.sha256, hashes)))).map((r) => r.sha256));
  let removed = 0;
  for (const h of new Set(hashes)) {
    if (still.has(h)) continue;
    await store.delete(h);
    removed += 1;
  }
  return removed;
}
