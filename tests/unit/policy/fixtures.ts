// People, staff and settlement files for the 免申即享 and watch-list tests.
import { encrypt, lookupHash } from '@/lib/personal/crypto';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { idNumberCheckChar } from '@/lib/personal/id-number';
import { sealName } from '@/lib/personal/records';
import { SETTLEMENT_HEADER } from '@/lib/office/settlement-file';
import { q, schema } from '@/lib/store/db';

let seq = 0;
export function idNumber(n: number): string {
  const first = `32020219650101${String(n % 1000).padStart(3, '0')}`;
  return first + idNumberCheckChar(first);
}

export async function staff(role: 'clerk' | 'reviewer' | 'admin' | 'auditor', region = 'wuxi'): Promise<SessionUser> {
  seq += 1;
  const [row] = await q((db) => db.insert(schema.users).values({ role, username: `p-${role}${seq}-${Math.random().toString(36).slice(2, 7)}`, displayName: `${role}${seq}`, region }).returning());
  return toSessionUser(row!);
}

/** A person on record, certified `category` in `region` from 2024, with a resident account when `account`. */
export async function person(idNo: string, opts: { category?: string | null; region?: string; account?: boolean } = {}) {
  const region = opts.region ?? 'wuxi';
  const [p] = await q((db) =>
    db.insert(schema.persons).values({ ...sealName('张三明'), idNumberEnc: encrypt(idNo), idNumberHmac: lookupHash(`id:${idNo}`), hukouRegion: region, insuredRegion: region }).returning({ id: schema.persons.id }),
  );
  if (opts.category !== null) {
    await q((db) => db.insert(schema.personCategories).values({ personId: p!.id, code: opts.category ?? 'dibao', region, validFrom: '2024-01-01', basis: 'certified', certifiedBy: '民政部门' }));
  }
  let user: SessionUser | null = null;
  if (opts.account) {
    seq += 1;
    const [u] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: `居民${seq}`, phoneHmac: lookupHash(`phone:1370000${String(seq).padStart(4, '0')}`), personId: p!.id, region }).returning());
    user = toSessionUser(u!);
  }
  return { personId: p!.id, user };
}

export type Line = {
  no: string; id: string; date: string; kind?: string; total: number; policy: number; basic: number; critical?: number;
  /** 医疗救助支付（分）: what the hospital's settlement already paid as assistance. */
  aid?: number; hospital?: string; level?: string; place?: string; referred?: string;
};

/** A file in the import format; columns follow SETTLEMENT_HEADER's order. */
export function csvOf(lines: Line[]): string {
  const body = lines.map((l) =>
    [l.no, l.id, l.date, '', l.kind ?? '住院', l.hospital ?? '无锡市人民医院', l.level ?? '3', l.place ?? '本市', l.referred ?? '是', '否', '否', l.total, l.policy, l.basic, l.critical ?? 0, 0, l.aid ?? 0].join(','),
  );
  return [SETTLEMENT_HEADER, ...body].join('\n') + '\n';
}
