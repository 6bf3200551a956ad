// One visit or stay as typed from the hospital's 结算单 (yuan, two decimals) → integer fen for the calculator.
// Shared by /estimate and /apply so both accept and refuse exactly the same input.
import type { EpisodeInput } from '@/lib/calculator';
import { amountError, parseYuanToFen } from '@/lib/format';

export const EPISODE_KINDS = [
  { value: 'inpatient', label: '住院' },
  { value: 'outpatient', label: '普通门诊、急诊' },
  { value: 'outpatient_special', label: '门诊慢性病、特殊疾病（门特、门慢）' },
] as const;

export const HOSPITAL_LEVELS = [
  { value: '3', label: '三级医院' },
  { value: '2', label: '二级医院' },
  { value: '1', label: '一级医院、社区卫生服务中心、乡镇卫生院' },
] as const;

export const LOCATIONS = [
  { value: 'local', label: '本市（本地）' },
  { value: 'province', label: '本省其他城市' },
  { value: 'elsewhere', label: '外省' },
] as const;

export const MONEY_FIELDS = [
  { name: 'totalYuan', label: '总费用', hint: '结算单上“医疗费总额”或“总金额”', required: true },
  { name: 'policyYuan', label: '政策范围内费用', hint: '结算单上“政策范围内费用”或“符合医保范围费用”', required: true },
  { name: 'basicPaidYuan', label: '基本医保支付', hint: '结算单上“统筹基金支付”“基本医疗保险支付”', required: false },
  { name: 'criticalPaidYuan', label: '大病保险支付', hint: '结算单上“大病保险支付”（没有就空着）', required: false },
  { name: 'supplementaryPaidYuan', label: '其他补充保障支付', hint: '如“惠民保”等政策性补充保险支付（没有就空着）', required: false },
] as const;

/**
 * What the hospital's 一站式结算 already paid from medical assistance (003 七(十二)): asked on an application's visit
 * only, never on /estimate. The approval pays only the rest of what the visit is due, so a visit is never paid twice
 * when the settlement file arrives after the decision (Office rules, "Assistance already paid at the hospital").
 */
export const ASSISTANCE_PAID_FIELD = {
  name: 'assistancePaidYuan', label: '医院结算时医疗救助已支付',
  hint: '结算单上“医疗救助支付”“医疗救助基金支付”一栏的金额（没有这一栏或为 0 就空着）；已付的部分不会重复发放',
} as const;

/** What the three insurance tiers paid for a visit (先保险后救助: these come off before assistance). */
export function insurancePaidFen(e: Pick<EpisodeInput, 'basicPaidFen' | 'criticalPaidFen' | 'supplementaryPaidFen'>): number {
  return (e.basicPaidFen ?? 0) + (e.criticalPaidFen ?? 0) + (e.supplementaryPaidFen ?? 0);
}

export type EpisodeFormValues = Partial<Record<
  'hospitalName' | 'settlementNo' | 'kind' | 'date' | 'endDate' | 'hospitalLevel' | 'referred' | 'location' | 'offsiteFiled' | 'specialDisease'
  | (typeof MONEY_FIELDS)[number]['name'] | typeof ASSISTANCE_PAID_FIELD.name,
  string
>>;

export type EpisodeFormResult =
  | { ok: true; episode: EpisodeInput & { hospitalName?: string; settlementNo?: string; assistancePaidFen?: number } }
  | { ok: false; fieldErrors: Record<string, string> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** One amount typed in yuan → fen, or the words for what is wrong with it. */
function readYuan(label: string, raw: string, negative = `${label}不能是负数`): { fen: number } | { error: string } {
  if (/^-/.test(raw)) return { error: negative };
  const fen = parseYuanToFen(raw);
  return fen === null ? { error: amountError(label, raw) } : { fen };
}

/** `today` (YYYY-MM-DD, Asia/Shanghai) bounds the dates: nobody has a bill from the future. */
export function parseEpisodeForm(v: EpisodeFormValues, today: string, opts: { requireHospitalName?: boolean } = {}): EpisodeFormResult {
  const errors: Record<string, string> = {};
  const hospitalName = (v.hospitalName ?? '').trim();
  if (opts.requireHospitalName && !hospitalName) errors.hospitalName = '请填写医院名称';
  if (hospitalName.length > 60) errors.hospitalName = '医院名称不能超过 60 个字';
  // 结算单号 from the receipt (optional): finds the same visit in a 免申即享 import, so it is not paid twice.
  const settlementNo = (v.settlementNo ?? '').trim().normalize('NFKC');
  if (settlementNo && !/^[A-Za-z0-9_-]{1,64}$/.test(settlementNo)) errors.settlementNo = '结算单号只能包含字母、数字、“-”和“_”，最多 64 个字符';

  const kind = EPISODE_KINDS.find((k) => k.value === v.kind)?.value;
  if (!kind) errors.kind = '请选择是住院还是门诊';

  const date = (v.date ?? '').trim();
  if (!date) errors.date = kind === 'inpatient' ? '请填写入院日期' : '请填写就诊日期';
  else if (!validDate(date)) errors.date = '日期格式不对，请按“2024-03-02”的格式填写';
  else if (date > today) errors.date = '日期不能晚于今天';

  const endDate = (v.endDate ?? '').trim();
  if (kind === 'inpatient') {
    if (!endDate) errors.endDate = '请填写出院日期';
    else if (!validDate(endDate)) errors.endDate = '日期格式不对，请按“2024-03-10”的格式填写';
    else if (validDate(date) && endDate < date) errors.endDate = '出院日期不能早于入院日期';
    else if (endDate > today) errors.endDate = '出院日期不能晚于今天';
  }

  const level = HOSPITAL_LEVELS.find((l) => l.value === v.hospitalLevel)?.value;
  if (!level) errors.hospitalLevel = '请选择医院等级';
  const location = LOCATIONS.find((l) => l.value === v.location)?.value;
  if (!location) errors.location = '请选择就医地点';
  if (v.referred !== 'yes' && v.referred !== 'no') errors.referred = '请选择是否按规定办理了转诊';

  const fen: Record<string, number> = {};
  for (const f of MONEY_FIELDS) {
    const raw = (v[f.name] ?? '').trim();
    if (!raw) {
      if (f.required) errors[f.name] = `请填写${f.label}`;
      else fen[f.name] = 0;
      continue;
    }
    const read = readYuan(f.label, raw);
    if ('error' in read) errors[f.name] = read.error;
    else fen[f.name] = read.fen;
  }
  const total = fen.totalYuan;
  const policy = fen.policyYuan;
  if (total !== undefined && policy !== undefined && policy > total) errors.policyYuan = '政策范围内费用不能大于总费用';
  const paid = (fen.basicPaidYuan ?? 0) + (fen.criticalPaidYuan ?? 0) + (fen.supplementaryPaidYuan ?? 0);
  if (policy !== undefined && !errors.policyYuan && paid > policy) {
    errors.basicPaidYuan = '基本医保、大病保险和其他补充保障支付加起来，不能大于政策范围内费用';
  }

  // Asked on application forms only (opts.requireHospitalName): /estimate never sends it.
  let assistancePaidFen: number | undefined;
  const aidRaw = (v[ASSISTANCE_PAID_FIELD.name] ?? '').trim();
  if (aidRaw) {
    const read = readYuan(ASSISTANCE_PAID_FIELD.label, aidRaw, `${ASSISTANCE_PAID_FIELD.label}的金额不能是负数`);
    if ('error' in read) errors[ASSISTANCE_PAID_FIELD.name] = read.error;
    else if (total !== undefined && read.fen > total - paid) errors[ASSISTANCE_PAID_FIELD.name] = '医疗救助已支付的金额不能大于总费用减去各项保险支付后的部分，请对照结算单核对';
    else assistancePaidFen = read.fen;
  }

  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    episode: {
      ...(hospitalName ? { hospitalName } : {}),
      ...(settlementNo ? { settlementNo } : {}),
      date,
      ...(kind === 'inpatient' ? { endDate } : {}),
      kind: kind!,
      hospitalLevel: Number(level) as 1 | 2 | 3,
      referred: v.referred === 'yes',
      location: location!,
      offsiteFiled: v.offsiteFiled === 'yes',
      specialDisease: v.specialDisease === 'yes',
      totalFen: total!,
      policyFen: policy!,
      basicPaidFen: fen.basicPaidYuan ?? 0,
      criticalPaidFen: fen.criticalPaidYuan ?? 0,
      supplementaryPaidFen: fen.supplementaryPaidYuan ?? 0,
      ...(assistancePaidFen ? { assistancePaidFen } : {}),
    },
  };
}
