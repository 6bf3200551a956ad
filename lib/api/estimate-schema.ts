// zod 4 schemas for POST /api/v1/estimate, and the helpers both API schemas share.
// Every message is Chinese and names the field as a person would; every problem is reported at once.
import { z } from 'zod';
import {
  CATEGORY_CODES,
  REGIONS,
  REGION_CODES,
  STAFF_PARAMS,
  isFen,
  isRegionCode,
  type ParamSet,
  type RegionCode,
} from '@/lib/calculator';
import { isIsoDate } from '@/lib/calculator/dates';

/** 10 亿元: far above any real bill, and small enough that fen × basis points stays exact. */
export const MAX_FEN = 100_000_000_000;

export interface Issue {
  path: string;
  message: string;
}

/** Runs a refinement even when other fields already failed, so that every problem is listed at once. */
const ALWAYS = { when: () => true } as const;

type IssueLike = { input?: unknown };
const absent = (iss: IssueLike) => iss.input === undefined;

// Integer and range rules are refinements, not `.int()`/`.min()`: zod marks those issues as aborting,
// which would hide the cross-field problems that must be listed in the same answer.
export function fenField(label: string) {
  const bad = `${label}必须是不小于0的整数（单位：分）`;
  return z
    .number({ error: (iss) => (absent(iss) ? `请填写${label}（单位：分）` : bad) })
    .refine((n) => isFen(n), { error: bad })
    .refine((n) => n <= MAX_FEN, { error: `${label}不能超过 10 亿元` });
}

export function dateField(label: string) {
  return z.string({ error: (iss) => (absent(iss) ? `请填写${label}` : `${label}必须是日期，格式为 YYYY-MM-DD`) }).refine(isIsoDate, {
    error: `${label}不是有效的日期（格式为 YYYY-MM-DD，例如 2024-03-02）`,
  });
}

export function boolField(label: string) {
  return z.boolean({ error: `${label}只能填 true（是）或 false（否）` });
}

export function intField(label: string, min: number, max: number) {
  const bad = `${label}必须是 ${min} 到 ${max} 之间的整数`;
  return z
    .number({ error: (iss) => (absent(iss) ? `请填写${label}` : bad) })
    .refine((n) => Number.isInteger(n) && n >= min && n <= max, { error: bad });
}

export const regionField = z.enum(REGION_CODES, {
  error: (iss) =>
    absent(iss)
      ? '请填写地区（region）'
      : `不认识的地区“${String(iss.input)}”，可选：${REGIONS.map((r) => `${r.code}（${r.nameZh}）`).join('、')}`,
});

export const categoryCodeField = z.enum(CATEGORY_CODES, {
  error: (iss) => `不认识的救助对象类别“${String(iss.input)}”`,
});

/** `parameters`: plain numbers, named only as the region defines them (docs/policy.md, pools and parameter names). */
export const parametersField = z
  .record(z.string(), z.number({ error: '参数值必须是数字' }), { error: '参数（parameters）必须是“名称: 数值”的对象' })
  .optional();

/** Issues for parameter names the region does not define, and values outside the parameter's unit. */
export function checkParameters(v: unknown, ctx: z.RefinementCtx): void {
  if (!v || typeof v !== 'object') return;
  const { region, parameters } = v as { region?: unknown; parameters?: unknown };
  if (!isRegionCode(region) || !parameters || typeof parameters !== 'object' || Array.isArray(parameters)) return;
  const defs = STAFF_PARAMS[region];
  const regionName = REGIONS.find((r) => r.code === region)!.nameZh;
  for (const [name, value] of Object.entries(parameters)) {
    const def = defs.find((d) => d.name === name);
    const path = ['parameters', name];
    if (!def) {
      const allowed = defs.length ? `可以设定的参数：${defs.map((d) => d.name).join('、')}` : '该地区没有需要设定的参数';
      ctx.addIssue({ code: 'custom', path, message: `“${name}”不是${regionName}可以设定的参数（${allowed}）` });
    } else if (typeof value === 'number') {
      if (def.unit === 'fen' && !(isFen(value) && value <= MAX_FEN)) {
        ctx.addIssue({ code: 'custom', path, message: `${def.descriptionZh}必须是不小于0的整数（单位：分）` });
      } else if (def.unit === 'percent' && !(value >= 0 && value <= 100)) {
        ctx.addIssue({ code: 'custom', path, message: `${def.descriptionZh}必须是 0 到 100 之间的百分数` });
      }
    }
  }
}

/** Request parameters (plain numbers) override the loaded ones for this one call. */
/** The source a caller's own parameter value is traced with (the API's `parameters`, an assumption, never a rule). */
export const OVERRIDE_SOURCE = '请求中的假设值 (what-if)';

export function whatIfParameters(loaded: ParamSet, region: RegionCode, overrides: Record<string, number> | undefined): ParamSet {
  const out: ParamSet = {};
  for (const def of STAFF_PARAMS[region]) {
    const p = Object.prototype.hasOwnProperty.call(loaded, def.name) ? loaded[def.name] : undefined;
    if (p) out[def.name] = p;
  }
  for (const [name, value] of Object.entries(overrides ?? {})) {
    out[name] = { value, source: OVERRIDE_SOURCE };
  }
  return out;
}

/** A ZodError as `[{path: "episodes.0.policyFen", message}]`, every problem listed, unknown fields one by one. */
export function issuesFromZod(error: z.ZodError): Issue[] {
  const out: Issue[] = [];
  for (const iss of error.issues) {
    const base = iss.path.map(String);
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) out.push({ path: [...base, key].join('.'), message: `不支持的字段“${key}”，请删除` });
    } else {
      out.push({ path: base.join('.'), message: /[\u4e00-\u9fff]/.test(iss.message) ? iss.message : '该项的值不正确' });
    }
  }
  return out;
}

const categoryItem = z.preprocess(
  (v) => (typeof v === 'string' ? { code: v } : v),
  z
    .strictObject(
      {
        code: categoryCodeField,
        from: dateField('身份开始日期').optional(),
        to: dateField('身份结束日期').optional(),
      },
      { error: '救助对象类别必须是类别代码，或 {"code": 类别代码, "from": 开始日期, "to": 结束日期}' },
    )
    .superRefine((c, ctx) => {
      // Runs even when the object itself failed (ALWAYS): `c` may be null or not an object at all.
      if (!c || typeof c !== 'object') return;
      if (isIsoDate(c.from) && isIsoDate(c.to) && c.to < c.from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: '身份结束日期不能早于开始日期' });
      }
    }, ALWAYS),
);

const episodeSchema = z
  .strictObject(
    {
      id: z
        .string({ error: '就医记录编号必须是文字' })
        .refine((s) => s.length >= 1 && s.length <= 64, { error: '就医记录编号须为 1 到 64 个字符' })
        .optional(),
      date: dateField('就医（入院）日期'),
      endDate: dateField('出院日期').optional(),
      kind: z.enum(['inpatient', 'outpatient', 'outpatient_special'], {
        error: (iss) =>
          absent(iss) ? '请填写就医类型' : '就医类型只能是 inpatient（住院）、outpatient（普通门急诊）或 outpatient_special（门诊慢特病）',
      }),
      hospitalLevel: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '医院等级只能是 1、2 或 3（一级、二级、三级）' }).optional(),
      specialDisease: boolField('是否特殊疾病').optional(),
      referred: boolField('是否规范转诊').optional(),
      location: z.enum(['local', 'province', 'elsewhere'], { error: '就医地点只能是 local（本市）、province（省内其他地方）或 elsewhere（省外）' }).optional(),
      offsiteFiled: boolField('是否办理异地就医备案').optional(),
      totalFen: fenField('总费用'),
      policyFen: fenField('政策范围内费用'),
      basicPaidFen: fenField('基本医保支付金额').optional(),
      criticalPaidFen: fenField('大病保险支付金额').optional(),
      supplementaryPaidFen: fenField('其他补充保障支付金额').optional(),
    },
    { error: '每次就医记录必须是一个对象' },
  )
  .superRefine((e, ctx) => {
    // Runs even when the object itself failed (ALWAYS): `e` may be null or not an object at all.
    if (!e || typeof e !== 'object') return;
    if (isFen(e.policyFen) && isFen(e.totalFen) && e.policyFen > e.totalFen) {
      ctx.addIssue({ code: 'custom', path: ['policyFen'], message: '政策范围内费用不能大于总费用' });
    }
    const paid = [e.basicPaidFen, e.criticalPaidFen, e.supplementaryPaidFen];
    if (isFen(e.policyFen) && paid.every((p) => p === undefined || isFen(p))) {
      const sum = paid.reduce<number>((s, p) => s + (p ?? 0), 0);
      if (sum > e.policyFen) {
        ctx.addIssue({ code: 'custom', path: ['basicPaidFen'], message: '基本医保、大病保险和其他补充保障支付的合计不能大于政策范围内费用' });
      }
    }
    if (isIsoDate(e.date) && isIsoDate(e.endDate) && e.endDate < e.date) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: '出院日期不能早于入院日期' });
    }
  }, ALWAYS);

export const estimateRequestSchema = z
  .strictObject(
    {
      region: regionField,
      year: intField('年度', 2000, 2100),
      person: z.strictObject(
        {
          categories: z
            .array(categoryItem, { error: '救助对象类别（categories）必须是列表' })
            .refine((a) => a.length <= 50, { error: '救助对象类别最多 50 项' }),
          hasEmployeeInsuranceElsewhere: boolField('是否在外省市（或原单位）有职工医保').optional(),
          homeDeductibleFen: fenField('当地医保规定的住院起付标准').optional(),
        },
        { error: (iss) => (absent(iss) ? '请填写人员信息（person）' : '人员信息（person）必须是一个对象') },
      ),
      episodes: z
        .array(episodeSchema, { error: (iss) => (absent(iss) ? '请填写就医记录（episodes）' : '就医记录（episodes）必须是列表') })
        .refine((a) => a.length <= 1000, { error: '一次最多计算 1000 条就医记录' }),
      parameters: parametersField,
    },
    { error: '请求体必须是一个 JSON 对象' },
  )
  .superRefine((v, ctx) => {
    // Runs even when fields failed (ALWAYS), so `v` may be anything the client sent.
    checkParameters(v, ctx);
    if (!v || typeof v !== 'object') return;
    const episodes: unknown[] = Array.isArray(v.episodes) ? v.episodes : [];
    if (Number.isInteger(v.year)) {
      episodes.forEach((e, i) => {
        const date = e && typeof e === 'object' ? (e as { date?: unknown }).date : undefined;
        if (isIsoDate(date) && Number(date.slice(0, 4)) !== v.year) {
          ctx.addIssue({ code: 'custom', path: ['episodes', i, 'date'], message: `就医日期必须在所选年度（${v.year}年）内` });
        }
      });
    }
    // 002 五(三): the 60% rule needs the home insurer's deductible.
    const p = v.person && typeof v.person === 'object' ? v.person : undefined;
    const inpatient = episodes.some((e) => e && typeof e === 'object' && (e as { kind?: unknown }).kind === 'inpatient');
    if (v.region === 'shanghai-mutual-aid' && p?.hasEmployeeInsuranceElsewhere === true && p.homeDeductibleFen === undefined && inpatient) {
      ctx.addIssue({ code: 'custom', path: ['person', 'homeDeductibleFen'], message: '在外省市（或原单位）有职工医保时，请填写当地医保规定的住院起付标准（单位：分）' });
    }
  }, ALWAYS);

export type EstimateRequest = z.infer<typeof estimateRequestSchema>;
