// zod 4 schema for POST /api/v1/eligibility. Every fact is optional: what is missing and needed is listed back.
import { z } from 'zod';
import { boolField, categoryCodeField, checkParameters, dateField, fenField, intField, parametersField, regionField } from './estimate-schema';

const householdSchema = z.strictObject(
  {
    size: intField('家庭人口数', 1, 100).optional(),
    annualDisposableIncomeFen: fenField('家庭年可支配收入').optional(),
    monthlyPerCapitaIncomeAfterNecessaryFen: fenField('扣除必需支出后的家庭月人均可支配收入').optional(),
    assetsWithinLimit: boolField('家庭财产是否符合认定标准').optional(),
    medicalOutOfPocket12mFen: fenField('近12个月个人负担的医疗费用').optional(),
  },
  { error: '家庭情况（household）必须是一个对象' },
);

const disabilitySchema = z.strictObject(
  {
    grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '残疾等级只能是 1、2、3 或 4 级' }).optional(),
    type: z
      .enum(['limb', 'intellectual', 'mental', 'visual', 'hearing', 'speech', 'multiple'], {
        error: '残疾类别只能是 limb（肢体）、intellectual（智力）、mental（精神）、visual（视力）、hearing（听力）、speech（言语）或 multiple（多重）',
      })
      .optional(),
    employed: boolField('是否有工作').optional(),
  },
  { error: '残疾情况（disability）必须是一个对象' },
);

const factsSchema = z.strictObject(
  {
    hukouLocal: boolField('是否本市户籍').optional(),
    insuredLocal: boolField('是否参加本市基本医保').optional(),
    age: intField('年龄', 0, 150).optional(),
    certifications: z.array(categoryCodeField, { error: '已认定的身份（certifications）必须是列表' }).refine((a) => a.length <= 30, { error: '已认定的身份最多 30 项' }).optional(),
    household: householdSchema.optional(),
    disability: disabilitySchema.optional(),
    returnee: boolField('是否支内、支疆、知青等退休回沪人员').optional(),
    hasEmployeeInsuranceElsewhere: boolField('是否在外省市（或原单位）有职工医保').optional(),
  },
  { error: '个人情况（facts）必须是一个对象' },
);

export const eligibilityRequestSchema = z
  .strictObject(
    {
      region: regionField,
      date: dateField('日期'),
      facts: factsSchema.optional(),
      parameters: parametersField,
    },
    { error: '请求体必须是一个 JSON 对象' },
  )
  .superRefine((v, ctx) => checkParameters(v, ctx), { when: () => true });

export type EligibilityRequest = z.infer<typeof eligibilityRequestSchema>;
