// Key ids and rotation: every ciphertext names its key; `rotateKeys` (npm run keys:rotate)
// re-seals every encrypted column and stored file with the current key, in batches, idempotently; after
// it the old key can be removed and everything still decrypts. Runs on SQLite and (PG_TEST_URL) PostgreSQL.
import '../helpers/test-db';
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDir } from '../helpers/test-db';
import { decrypt, decryptBytes, encrypt, keyIdOf, lookupHash } from '@/lib/personal/crypto';
import { reloadEnv } from '@/lib/env';
import { openEpisode, openName, sealName, sealVisit, type Visit } from '@/lib/personal/records';
import { fileStore } from '@/lib/store/files';
import { q, schema } from '@/lib/store/db';
import { rotateKeys } from '@/lib/store/rotate';

const k1 = process.env.DATA_ENCRYPTION_KEY!;
const k2 = randomBytes(32).toString('base64url');

function useKeys(vars: { DATA_ENCRYPTION_KEY?: string; DATA_ENCRYPTION_KEYS?: string; FILE_STORAGE?: string }) {
  for (const name of ['DATA_ENCRYPTION_KEY', 'DATA_ENCRYPTION_KEYS', 'FILE_STORAGE'] as const) {
    if (vars[name] === undefined) delete process.env[name];
    else process.env[name] = vars[name];
  }
  reloadEnv();
}

/** The ciphertext format before key ids: `v1:` ‖ base64url(iv ‖ tag ‖ body), always key k1. */
function sealV1(plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', Buffer.from(k1, 'base64url'), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
}
function sealEv1(plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', Buffer.from(k1, 'base64url'), iv);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([Buffer.from('ev1'), iv, c.getAuthTag(), body]);
}

const visit: Visit = {
  hospitalName: '无锡市人民医院', date: '2026-02-03', endDate: '2026-02-15', kind: 'inpatient', hospitalLevel: 3, specialDisease: true, referred: true,
  location: 'local', offsiteFiled: false, totalFen: 5_600_000, policyFen: 4_800_000, basicPaidFen: 3_360_000, criticalPaidFen: 300_000, supplementaryPaidFen: 0,
};
const sha = (n: number) => n.toString(16).padStart(64, '0');

describe('密钥编号与轮换', () => {
  it('新密文写上密钥编号 v2:k1:…；旧的 v1: 密文按 k1 解开', () => {
    useKeys({ DATA_ENCRYPTION_KEY: k1 });
    const sealed = encrypt('张三明');
    expect(sealed.startsWith('v2:k1:')).toBe(true);
    expect(decrypt(sealed)).toBe('张三明');
    expect(decrypt(sealV1('李秀英'))).toBe('李秀英');
    expect(keyIdOf(sealV1('x'))).toBe('k1');
  });

  it('轮换后删除旧密钥，所有加密列和文件仍能解开；再运行一次什么也不改', async () => {
    useKeys({ DATA_ENCRYPTION_KEY: k1 });
    // Five people (batch size 2 below: three batches), one with a pending `p0:` name as the migration leaves it.
    const ids: string[] = [];
    for (const name of ['张三明', '李秀英', '王芳', '赵大年']) {
      const [p] = await q((db) => db.insert(schema.persons).values({ ...sealName(name), idNumberEnc: sealV1(`32020219580315001${ids.length}`), idNumberHmac: lookupHash(`id:${name}`) }).returning());
      ids.push(p!.id);
    }
    const [pending] = await q((db) => db.insert(schema.persons).values({ nameEnc: 'p0:钱多多', nameMasked: '钱*多' }).returning());
    const [user] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: '居民', phoneEnc: encrypt('13800000001'), personId: ids[0] }).returning());
    await q((db) => db.insert(schema.personCategories).values({ personId: ids[0]!, code: 'dibao', region: 'wuxi', validFrom: '2026-01-01', basis: 'certified', certificateNoEnc: 'p0:DB-2026-0001' }));
    const [app] = await q((db) =>
      db.insert(schema.applications).values({ filedByUserId: user!.id, personId: ids[0], region: 'wuxi', year: 2026, status: 'submitted', draftEnc: sealV1('{"episodes":[]}'), bankAccountEnc: encrypt('6222020000001234567') }).returning(),
    );
    await q((db) => db.insert(schema.episodes).values({ applicationId: app!.id, seq: 0, dataEnc: sealVisit(visit) }));
    // Files: one in the database store, one in the folder, one folder file in the old `ev1` format.
    useKeys({ DATA_ENCRYPTION_KEY: k1, FILE_STORAGE: 'database' });
    await fileStore().put(sha(1), Buffer.from('PDF one'));
    useKeys({ DATA_ENCRYPTION_KEY: k1, FILE_STORAGE: 'folder' });
    await fileStore().put(sha(2), Buffer.from('PDF two'));
    const oldKey = lookupHash(`file:${sha(3)}`);
    mkdirSync(join(testDir, 'uploads', oldKey.slice(0, 2)), { recursive: true });
    writeFileSync(join(testDir, 'uploads', oldKey.slice(0, 2), oldKey), sealEv1(Buffer.from('PDF three')));

    // Without rotating, dropping k1 makes the data unreadable: the test below proves the rotation, not luck.
    useKeys({ DATA_ENCRYPTION_KEYS: `k2:${k2}` });
    const [before] = await q((db) => db.select().from(schema.persons).where(eq(schema.persons.id, ids[0]!)));
    expect(() => openName(before!.nameEnc)).toThrow(/key k1/);

    useKeys({ DATA_ENCRYPTION_KEYS: `k2:${k2}`, DATA_ENCRYPTION_KEY: k1 });
    const report = await rotateKeys({ batchSize: 2 });
    expect(report.keyId).toBe('k2');
    // 5 names (4 sealed + 1 pending), 4 ID numbers, 1 phone of a user, 1 certificate, 1 draft, 1 bank account, 1 visit.
    expect(report.columns['persons.name_enc']).toEqual({ scanned: 5, resealed: 5 });
    expect(report.columns['persons.id_number_enc']).toEqual({ scanned: 4, resealed: 4 });
    expect(report.columns['users.phone_enc']).toEqual({ scanned: 1, resealed: 1 });
    expect(report.columns['person_categories.certificate_no_enc']).toEqual({ scanned: 1, resealed: 1 });
    expect(report.columns['applications.draft_enc']).toEqual({ scanned: 1, resealed: 1 });
    expect(report.columns['applications.bank_account_enc']).toEqual({ scanned: 1, resealed: 1 });
    expect(report.columns['episodes.data_enc']).toEqual({ scanned: 1, resealed: 1 });
    expect(report.storedFiles).toEqual({ scanned: 1, resealed: 1 });
    expect(report.folderFiles).toEqual({ scanned: 2, resealed: 2 });

    // k1 gone: everything still opens, and every value names k2.
    useKeys({ DATA_ENCRYPTION_KEYS: `k2:${k2}` });
    const people = await q((db) => db.select().from(schema.persons));
    expect(people.map((p) => openName(p.nameEnc)).sort()).toEqual(['张三明', '李秀英', '王芳', '赵大年', '钱多多'].sort());
    expect(people.every((p) => p.nameEnc.startsWith('v2:k2:') && (!p.idNumberEnc || p.idNumberEnc.startsWith('v2:k2:')))).toBe(true);
    expect(people.find((p) => p.id === pending!.id)!.nameMasked).toBe('钱*多');
    const [cat] = await q((db) => db.select().from(schema.personCategories));
    expect(decrypt(cat!.certificateNoEnc!)).toBe('DB-2026-0001');
    const [a] = await q((db) => db.select().from(schema.applications));
    expect(decrypt(a!.draftEnc!)).toBe('{"episodes":[]}');
    expect(decrypt(a!.bankAccountEnc!)).toBe('6222020000001234567');
    const [ep] = await q((db) => db.select().from(schema.episodes));
    // The row's keys and the visit, exactly (the row's lookup hashes are not part of an opened visit).
    expect(openEpisode(ep!)).toEqual({ id: ep!.id, applicationId: app!.id, seq: 0, ...visit });
    const [u] = await q((db) => db.select().from(schema.users));
    expect(decrypt(u!.phoneEnc!)).toBe('13800000001');
    useKeys({ DATA_ENCRYPTION_KEYS: `k2:${k2}`, FILE_STORAGE: 'database' });
    expect((await fileStore().get(sha(1)))?.toString()).toBe('PDF one');
    useKeys({ DATA_ENCRYPTION_KEYS: `k2:${k2}`, FILE_STORAGE: 'folder' });
    expect((await fileStore().get(sha(2)))?.toString()).toBe('PDF two');
    expect((await fileStore().get(sha(3)))?.toString()).toBe('PDF three');
    expect(decryptBytes(readFileSync(join(testDir, 'uploads', oldKey.slice(0, 2), oldKey))).subarray(0, 3).toString()).toBe('PDF');

    // Idempotent: a second run finds everything current.
    const again = await rotateKeys({ batchSize: 2 });
    expect(Object.values(again.columns).every((c) => c.resealed === 0)).toBe(true);
    expect(again.columns['persons.name_enc']).toEqual({ scanned: 5, resealed: 0 });
    expect(again.storedFiles.resealed + again.folderFiles.resealed).toBe(0);
  });

  it('密钥配置有误时说清楚', async () => {
    const { keyringFrom } = await import('@/lib/personal/crypto');
    expect(() => keyringFrom({ DATA_ENCRYPTION_KEYS: `k1:${k2}`, DATA_ENCRYPTION_KEY: k1 })).toThrow(/k1 与 DATA_ENCRYPTION_KEY 不一致/);
    expect(() => keyringFrom({ DATA_ENCRYPTION_KEYS: `k2:${k2},k2:${k1}` })).toThrow(/重复/);
    expect(keyringFrom({ DATA_ENCRYPTION_KEYS: `k3:${k2}`, DATA_ENCRYPTION_KEY: k1 }).current).toBe('k3');
    expect(keyringFrom({ DATA_ENCRYPTION_KEY: k1 }).current).toBe('k1');
  });
});
