// Demo applications in several states, moved through the same workflow verbs the staff pages call.
import { eq } from 'drizzle-orm';
import type { StepKey } from '@/lib/applications/draft';
import type { TransitionName } from '@/lib/workflow/states';
import { perform } from '@/lib/workflow';
import { createDraft, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { toSessionUser } from '@/lib/dal/users';
import { lookupHash } from '@/lib/personal/crypto';
import { q, schema } from '@/lib/store/db';
import { DEMO_PROXIED_PERSON, DEMO_RESIDENTS } from './demo-data';

async function userWhere(where: ReturnType<typeof eq>) {
  const [row] = await q((db) => db.select().from(schema.users).where(where));
  return toSessionUser(row!);
}
const userByPhone = (phone: string) => userWhere(eq(schema.users.phoneHmac, lookupHash(`phone:${phone}`)));
const staff = (username: string) => userWhere(eq(schema.users.username, username));

type Demo = {
  phone: string;
  forPerson?: boolean;
  region: 'wuxi' | 'shanghai';
  applicant: { name: string; idNumber: string; phone: string };
  categories: string[];
  episodes: { hospitalName: string; kind: string; date: string; endDate?: string; level: string; total: string; policy: string; basic: string; critical?: string }[];
  steps: [TransitionName, string, Record<string, unknown>?][];
};

const [zhang, li, wang] = DEMO_RESIDENTS;

const DEMOS: Demo[] = [
  {
    phone: zhang.phone, region: 'wuxi', applicant: { name: zhang.person.name, idNumber: zhang.person.idNumber, phone: zhang.phone }, categories: ['dibao'],
    episodes: [{ hospitalName: '无锡市人民医院（演示）', kind: 'inpatient', date: '2026-02-03', endDate: '2026-02-15', level: '3', total: '56000.00', policy: '48000.00', basic: '33600.00', critical: '3000.00' }],
    steps: [['accept', 'wuxi.clerk'], ['start_review', 'wuxi.reviewer'], ['approve', 'wuxi.reviewer', { amountFen: 969000, reason: '按复核后的费用核定（演示）' }], ['record_payment', 'wuxi.clerk']],
  },
  {
    phone: zhang.phone, region: 'wuxi', applicant: { name: zhang.person.name, idNumber: zhang.person.idNumber, phone: zhang.phone }, categories: ['dibao'],
    episodes: [{ hospitalName: '无锡市第二人民医院（演示）', kind: 'outpatient_special', date: '2026-06-10', level: '3', total: '3200.00', policy: '3000.00', basic: '2100.00' }],
    steps: [['accept', 'wuxi.clerk'], ['request_info', 'wuxi.clerk', { message: '请补充上传 6 月 10 日门诊的费用明细清单（演示）' }]],
  },
  {
    phone: li.phone, region: 'shanghai', applicant: { name: li.person.name, idNumber: li.person.idNumber, phone: li.phone }, categories: ['low_income'],
    episodes: [{ hospitalName: '上海市第六人民医院（演示）', kind: 'inpatient', date: '2026-04-01', endDate: '2026-04-09', level: '3', total: '42000.00', policy: '36000.00', basic: '25200.00' }],
    steps: [['accept', 'shanghai.clerk'], ['start_review', 'shanghai.reviewer']],
  },
  {
    phone: wang.phone, forPerson: true, region: 'wuxi', applicant: { name: DEMO_PROXIED_PERSON.name, idNumber: DEMO_PROXIED_PERSON.idNumber, phone: wang.phone }, categories: ['tekun'],
    episodes: [{ hospitalName: '无锡市中医医院（演示）', kind: 'inpatient', date: '2026-05-12', endDate: '2026-05-20', level: '2', total: '18000.00', policy: '16000.00', basic: '12000.00' }],
    steps: [['accept', 'wuxi.clerk'], ['start_review', 'wuxi.reviewer'], ['approve', 'wuxi.reviewer', { amountFen: 400000, reason: '按复核后的费用核定（演示）' }]],
  },
  {
    phone: zhang.phone, region: 'wuxi', applicant: { name: zhang.person.name, idNumber: zhang.person.idNumber, phone: zhang.phone }, categories: ['dibao'],
    episodes: [{ hospitalName: '无锡市人民医院（演示）', kind: 'outpatient', date: '2026-09-20', level: '3', total: '800.00', policy: '650.00', basic: '390.00' }],
    steps: [],
  },
];

export async function seedDemoApplications(): Promise<void> {
  for (const d of DEMOS) {
    const user = await userByPhone(d.phone);
    const [proxied] = d.forPerson ? await q((db) => db.select().from(schema.persons).where(eq(schema.persons.idNumberHmac, lookupHash(`id:${d.applicant.idNumber}`)))) : [];
    const created = await createDraft(user, { region: d.region, forPersonId: proxied?.id ?? null });
    if (!created.ok) throw new Error(`demo draft not created: ${created.message}`);
    const id = created.id;
    const steps: [StepKey, Record<string, string | string[]>][] = [
      ['applicant', { ...d.applicant, hukouLocal: 'yes', insuredLocal: 'yes' }],
      ['identity', { categories: d.categories, certificateNo: '' }],
      ['bank', { bankName: '中国工商银行（演示）', accountName: d.applicant.name, account: '6222020000001234567' }],
      ['declaration', { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }],
    ];
    for (const [key, values] of steps) await saveStep(user, id, key, { values, complete: true });
    for (const e of d.episodes) {
      await saveEpisode(user, id, -1, {
        complete: true,
        values: { hospitalName: e.hospitalName, kind: e.kind, date: e.date, endDate: e.endDate ?? '', hospitalLevel: e.level, location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: e.total, policyYuan: e.policy, basicPaidYuan: e.basic, criticalPaidYuan: e.critical ?? '' },
      });
    }
    const submitted = await perform(user, id, 'submit');
    if (!submitted.ok) throw new Error(`demo application not submitted: ${submitted.message} ${JSON.stringify(submitted.fieldErrors ?? {})}`);
    await q((db) => db.update(schema.applications).set({ demo: true }).where(eq(schema.applications.id, id)));
    for (const [name, by, extra] of d.steps) {
      const r = await perform(await staff(by), submitted.ref, name, { ...(extra ?? {}) });
      if (!r.ok) throw new Error(`demo transition ${name} failed: ${r.message}`);
    }
  }
}
