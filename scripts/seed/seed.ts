// Fills an empty database with clearly marked demo data (demo = true on every row that has the flag),
// through the data layer and the workflow verbs the pages use. Run again on a database that has users:
// it changes nothing (no silent reseed). Works on SQLite and PostgreSQL alike.
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { loadLocalEnv } from '@/db/load-env';
import { encrypt, lookupHash } from '@/lib/personal/crypto';
import { hashPassword } from '@/lib/auth/password';
import { sealName, sealOptional } from '@/lib/personal/records';
import { closeDatabase, q, schema, transaction } from '@/lib/store/db';
import { NOTICE_VERSION } from '@/lib/texts/privacy-notice';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, DEMO_PROXIED_PERSON, DEMO_RESIDENTS, DEMO_STAFF } from './demo-data';
import { DEMO_PARAMETERS } from './demo-parameters';
import { DEMO_WATCH_PARAMETERS } from './demo-watch-parameters';
import { DEMO_OBJECTION_SOURCE, demoObjectionSettings } from './demo-objection';
import { DEMO_HOLIDAY_SOURCE, DEMO_HOLIDAYS_2026, DEMO_TIME_LIMITS } from './demo-holidays';
import { seedDemoApplications } from './applications';

const DEMO_SOURCE = '演示数据（常见窗口做法，非当地规定）';

type PersonSeed = { name: string; idNumber: string; birthDate: string; hukouRegion: string; insuredRegion: string };
type CategorySeed = { code: string; region: string; validFrom: string; certificateNo: string };

async function insertPerson(p: PersonSeed, categories: readonly CategorySeed[]): Promise<string> {
  return q(async (db) => {
    const [person] = await db
      .insert(schema.persons)
      .values({ ...sealName(p.name), idNumberEnc: encrypt(p.idNumber), idNumberHmac: lookupHash(`id:${p.idNumber}`), birthDate: p.birthDate, hukouRegion: p.hukouRegion, insuredRegion: p.insuredRegion, demo: true })
      .returning({ id: schema.persons.id });
    for (const c of categories) {
      await db.insert(schema.personCategories).values({ personId: person!.id, code: c.code, region: c.region, validFrom: c.validFrom, basis: 'certified', certificateNoEnc: sealOptional(c.certificateNo), certifiedBy: '民政部门（演示）', certifiedAt: c.validFrom });
    }
    return person!.id;
  });
}

export async function seed(options: { parameters?: boolean } = {}): Promise<'seeded' | 'kept'> {
  const [existing] = await q((db) => db.select({ n: count() }).from(schema.users));
  if ((existing?.n ?? 0) > 0) return 'kept';

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await transaction(async (db) => {
    for (const s of DEMO_STAFF) {
      const secondFactor = s.role === 'admin' ? { totpSecretEnc: encrypt(DEMO_ADMIN_TOTP_SECRET), totpEnabled: true } : {};
      await db.insert(schema.users).values({ ...s, passwordHash, demo: true, ...secondFactor });
    }
    const residentIds: Record<string, string> = {};
    for (const r of DEMO_RESIDENTS) {
      const personId = await insertPerson(r.person, r.categories);
      const [user] = await db
        .insert(schema.users)
        .values({ role: 'resident', displayName: r.displayName, phoneEnc: encrypt(r.phone), phoneHmac: lookupHash(`phone:${r.phone}`), personId, region: r.person.insuredRegion, demo: true })
        .returning({ id: schema.users.id });
      residentIds[r.phone] = user!.id;
      // The demo residents agreed to the current privacy notice (a real account is asked before its first application).
      await db.insert(schema.consents).values({ userId: user!.id, kind: 'sensitive', noticeVersion: NOTICE_VERSION });
    }
    const proxied = await insertPerson(DEMO_PROXIED_PERSON, DEMO_PROXIED_PERSON.categories);
    await db.insert(schema.authorities).values({ grantorPersonId: proxied, proxyUserId: residentIds['13800000003'], scope: ['apply', 'view', 'respond', 'notify'], validFrom: '2024-01-01', validTo: '2027-12-31', status: 'active', kind: 'document', relationship: 'family', verifiedAt: '2024-01-05T02:00:00.000Z', verifyNote: '演示：已核验委托书和双方身份证' });
    for (const region of ['wuxi', 'shanghai', 'chongqing-shapingba', 'national', 'shanghai-mutual-aid']) {
      const settings: [string, string][] = [
        ['claimDeadline', '出院（或门诊就医）后的下一个季度内提交'],
        ['counter', '户籍或居住地街道（乡镇）社区事务受理服务中心'],
        // How long decided assistance records are kept (lib/dal/retention.ts): the region's archive rule, demo 30 years.
        ['recordRetentionYears', '30'],
      ];
      for (const [key, value] of settings) await db.insert(schema.regionSettings).values({ region, key, value, source: DEMO_SOURCE, demo: true });
      // The office's time limits and holiday calendar are seeded even without the calculator's parameters: the queue's
      // clock needs them, and they are marked 演示 like the counter practice above.
      for (const [name, value] of Object.entries(DEMO_TIME_LIMITS)) await db.insert(schema.parameters).values({ region, name, value, unit: 'workdays', effectiveFrom: '2024-01-01', source: DEMO_SOURCE, demo: true });
      for (const h of DEMO_HOLIDAYS_2026) await db.insert(schema.holidays).values({ region, ...h, source: DEMO_HOLIDAY_SOURCE, demo: true });
    }
    // The decision notice's deciding office and objection routes, per region (demo bodies, marked 演示).
    for (const region of ['wuxi', 'shanghai', 'chongqing-shapingba', 'national', 'shanghai-mutual-aid'] as const) {
      for (const [key, value] of demoObjectionSettings(region)) await db.insert(schema.regionSettings).values({ region, key, value, source: DEMO_OBJECTION_SOURCE, demo: true });
    }
    // Every figure the documents leave to other bodies, as a plausible demo value marked 演示, so the demo shows
    // complete results (a real office enters its own with the notice that set them).
    if (options.parameters !== false) for (const p of [...DEMO_PARAMETERS, ...DEMO_WATCH_PARAMETERS]) await db.insert(schema.parameters).values({ region: p.region, name: p.name, value: p.value, unit: p.unit, effectiveFrom: p.effectiveFrom, source: p.source, demo: true });
  });
  await seedDemoApplications();
  return 'seeded';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  loadLocalEnv();
  // The end-to-end server seeds without them: its tests cover an office that has not set its figures yet.
  seed({ parameters: !process.argv.includes('--without-parameters') })
    .then((r) => console.log(r === 'seeded' ? '已填入演示数据（全部标记为演示）。' : '数据库中已有数据，保持不变（不会重复填充）。'))
    .catch((e) => {
      console.error('填充演示数据失败:', e);
      process.exitCode = 1;
    })
    .finally(() => closeDatabase());
}
