// Files and submits a complete Wuxi application (低保, one stay, its 结算单 uploaded) for a resident phone,
// through the same data layer and workflow the wizard uses, against the e2e server's database; prints the
// workflow's result plus the application's id and the receipt's document id.
// Usage: tsx --conditions=react-server resident-app.ts <phone> <身份证号> <name> [mutual-aid|wuxi] [结算单号]
// With "mutual-aid": a 上海市民社区医疗互助帮困计划 application (a returnee, one outpatient visit) instead; with a
// 结算单号, the stay carries it as the resident typed it from the receipt.
import { eq } from 'drizzle-orm';
import { lookupHash } from '@/lib/personal/crypto';
import { addDocument } from '@/lib/dal/documents';
import { createDraft, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { toSessionUser } from '@/lib/dal/users';
import { closeDatabase, q, schema } from '@/lib/store/db';
import { perform } from '@/lib/workflow';

// A 1×1 PNG (the same bytes as PNG_1X1 in tests/e2e/helpers.ts, which this script cannot import).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const [phone, idNumber, name, plan, settlementNo] = process.argv.slice(2) as [string, string, string, string | undefined, string | undefined];
const mutualAid = plan === 'mutual-aid';
const hmac = lookupHash(`phone:${phone}`);
let [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.phoneHmac, hmac)));
if (!row) [row] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: name, phoneHmac: hmac }).returning());
const user = toSessionUser(row!);
const created = await createDraft(user, { region: mutualAid ? 'shanghai-mutual-aid' : 'wuxi' });
if (!created.ok) throw new Error(created.message);
await saveStep(user, created.id, 'applicant', { values: { name, idNumber, phone, hukouLocal: 'yes', insuredLocal: mutualAid ? 'no' : 'yes' }, complete: true });
await saveStep(user, created.id, 'identity', { values: { categories: [mutualAid ? 'returnee' : 'dibao'] }, complete: true });
await saveStep(user, created.id, 'bank', { values: { bankName: '中国工商银行无锡分行', accountName: name, account: '6222020000001234567' }, complete: true });
await saveStep(user, created.id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }, complete: true });
await saveEpisode(user, created.id, -1, {
  complete: true,
  values: mutualAid
    ? { hospitalName: '上海市第六人民医院', kind: 'outpatient', date: '2026-03-02', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '2000', policyYuan: '2000', basicPaidYuan: '0', criticalPaidYuan: '0' }
    : { ...(settlementNo ? { settlementNo } : {}), hospitalName: '无锡市人民医院', kind: 'inpatient', date: '2026-03-02', endDate: '2026-03-10', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '50000', policyYuan: '40000', basicPaidYuan: '25000', criticalPaidYuan: '5000' },
});
const receipt = await addDocument(user, created.id, { name: '结算单.png', bytes: new Uint8Array(PNG) }, { kind: 'receipt', episodeSeq: 0 });
if (!receipt.ok) throw new Error(receipt.message);
const result = await perform(user, created.id, 'submit');
console.log(JSON.stringify({ ...result, id: created.id, documentId: receipt.id }));
await closeDatabase();
process.exit(result.ok ? 0 : 1);
