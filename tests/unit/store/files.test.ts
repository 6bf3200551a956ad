import { testDir } from '../helpers/test-db';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { deleteIfUnreferenced, fileStore } from '@/lib/store/files';

const sha = (c: string) => c.repeat(64);
const content = Buffer.from('结算单：住院总费用 50,000.00 元 %PDF-secret');

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
  } catch {
    return [];
  }
}

describe.each(['folder', 'database'] as const)('材料文件的存放（%s）', (backend) => {
  it('存进去的是密文，按内容哈希的加密散列命名，取出来和原文一样', async () => {
    const hash = sha(backend === 'folder' ? 'a' : 'b');
    await fileStore(backend).put(hash, content);
    expect(await fileStore(backend).get(hash)).toEqual(content);
    if (backend === 'folder') {
      const [file] = filesUnder(join(testDir, 'uploads'));
      expect(file).toBeDefined();
      expect(file).not.toContain(hash);
      expect(readFileSync(file!).includes(Buffer.from('结算单'))).toBe(false);
    } else {
      const rows = await q((db) => db.select().from(schema.storedFiles));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.key).not.toBe(hash);
      expect(Buffer.from(rows[0]!.content, 'base64').includes(Buffer.from('结算单'))).toBe(false);
    }
  });

  it('没有材料记录再引用的文件被删除，还被引用的保留', async () => {
    const kept = sha(backend === 'folder' ? 'c' : 'd');
    const gone = sha(backend === 'folder' ? 'e' : 'f');
    await fileStore(backend).put(kept, content);
    await fileStore(backend).put(gone, content);
    const [user] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: '测' }).returning());
    await q((db) => db.insert(schema.documents).values({ sha256: kept, mime: 'application/pdf', sizeBytes: 1, originalName: 'a.pdf', kind: 'receipt', uploadedBy: user!.id }));
    expect(await deleteIfUnreferenced([kept, gone], fileStore(backend))).toBe(1);
    expect(await fileStore(backend).get(kept)).toEqual(content);
    expect(await fileStore(backend).get(gone)).toBeNull();
  });
});
