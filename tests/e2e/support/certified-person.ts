// A person record certified in a category (as the 民政 data would give it), for a spec that needs a fresh
// certified person instead of the shared demo people. Usage: tsx --conditions=react-server certified-person.ts
// <身份证号> <name> <region> <category code>
import { eq } from 'drizzle-orm';
import { encrypt, lookupHash } from '@/lib/personal/crypto';
import { sealName, sealOptional } from '@/lib/personal/records';
import { closeDatabase, q, schema } from '@/lib/store/db';

const [idNumber, name, region, code] = process.argv.slice(2) as [string, string, string, string];
const hmac = lookupHash(`id:${idNumber}`);
let [person] = await q((db) => db.select({ id: schema.persons.id }).from(schema.persons).where(eq(schema.persons.idNumberHmac, hmac)));
if (!person) {
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  [person] = await q((db) =>
    db.insert(schema.persons).values({ ...sealName(name), idNumberEnc: encrypt(idNumber), idNumberHmac: hmac, birthDate, hukouRegion: region, insuredRegion: region, demo: true }).returning({ id: schema.persons.id }),
  );
}
await q((db) =>
  db.insert(schema.personCategories).values({ personId: person!.id, code, region, validFrom: '2024-01-01', basis: 'certified', certificateNoEnc: sealOptional(`E2E-${code}`), certifiedBy: '民政部门（测试）', certifiedAt: '2024-01-01' }),
);
console.log(JSON.stringify({ ok: true, personId: person!.id }));
await closeDatabase();
process.exit(0);
