'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { isRegionCode } from '@/lib/calculator';
import { isIsoDate } from '@/lib/calculator/dates';
import { refusalState, validatedAction, type ActionState } from '@/lib/http/action';
import { removeHoliday, setHoliday } from '@/lib/dal/holidays';
import { requestAddress } from '@/lib/http/client-address';
import { runImpact } from '@/lib/dal/impact';
import { editableParam, publishParameter } from '@/lib/dal/parameters';
import { isWatchParam } from '@/lib/office/watch-params';
import { isOfficeParam, MAX_WORKING_DAYS } from '@/lib/office/time-limits';
import { amountError, parseYuanToFen } from '@/lib/format';

export type VersionState = ActionState & { impactId?: string };

const date = (label: string) => z.string().trim().refine(isIsoDate, `${label}请按 年-月-日 填写，例如 2026-01-01`);
const schema = z.object({
  intent: z.enum(['preview', 'publish']),
  name: z.string().min(1, '请选择要设定的参数'),
  value: z.string().trim().min(1, '请填写数值'),
  effectiveFrom: date('开始日期'),
  effectiveTo: z.union([z.literal(''), date('截止日期')]),
  source: z.string().trim().max(200, '依据最多 200 个字').default(''),
  closePrevious: z.literal('on').optional(),
});

/** Largest value accepted: 10 million yuan (the impact run stores it in a 32-bit column on PostgreSQL). */
const MAX_FEN = 1_000_000_000;

/** The typed value in the parameter's unit: 元 → fen (exact), percent → a whole number 0–100. */
function parseValue(unit: 'fen' | 'percent' | 'workdays', typed: string): number | string {
  if (unit === 'workdays') {
    const n = Number(typed.normalize('NFKC').replace(/个?工作日|天|\s/g, ''));
    return Number.isInteger(n) && n >= 1 && n <= MAX_WORKING_DAYS ? n : `办理时限请填写 1 到 ${MAX_WORKING_DAYS} 的整数（工作日），例如 20`;
  }
  if (unit === 'percent') {
    const n = Number(typed.normalize('NFKC').replace(/[%％\s]/g, ''));
    return Number.isInteger(n) && n >= 0 && n <= 100 ? n : '比例请填写 0 到 100 的整数，例如 50';
  }
  const fen = parseYuanToFen(typed);
  if (fen === null) return amountError('数值', typed);
  return fen > MAX_FEN ? '数值超过 1,000 万元，请检查是否多填了位数' : fen;
}

export const versionAction = validatedAction(schema, ['admin'], async (input, user, { values }): Promise<VersionState> => {
  const region = user.region ?? '';
  const def = isRegionCode(region) ? editableParam(region, input.name) : undefined;
  if (!def) return { ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors: { name: '请从列表中选择本地区需要设定的参数' }, values };
  const value = parseValue(def.unit, input.value);
  if (typeof value === 'string') return { ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors: { value }, values };
  const ip = await requestAddress();
  if (input.intent === 'preview' && isOfficeParam(input.name)) {
    return { ok: false, message: '办理时限只改变办理的期限，不改变任何救助金额，无需预览，可以直接发布。', fieldErrors: { name: '办理时限无需预览' }, values };
  }
  if (input.intent === 'preview' && isWatchParam(input.name)) {
    return { ok: false, message: '预警参数只决定谁进入预警名单，不改变任何救助金额，无需预览，可以直接发布。', fieldErrors: { name: '预警参数无需预览' }, values };
  }
  if (input.intent === 'preview') {
    const r = await runImpact(user, { name: input.name, value, year: Number(input.effectiveFrom.slice(0, 4)) }, { ip });
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: r.fieldErrors, values };
    revalidatePath('/admin/parameters');
    return { ok: true, message: '已开始按草稿重新计算全年的申请，进度和结果在下方“变化预览”（页面会自动刷新）。草稿还没有发布，估算仍按现行数值。', values, impactId: r.id };
  }
  if (input.source.length < 2) return { ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors: { source: '请填写依据：文件文号或通知名称' }, values };
  const r = await publishParameter(
    user,
    { name: input.name, value, effectiveFrom: input.effectiveFrom, effectiveTo: input.effectiveTo || null, source: input.source, closePrevious: input.closePrevious === 'on' },
    { ip },
  );
  if (!r.ok) return { ok: false, message: r.message, fieldErrors: r.fieldErrors, values };
  revalidatePath('/admin/parameters');
  revalidatePath('/estimate/result');
  if (isOfficeParam(input.name)) revalidatePath('/admin');
  const closed = r.closed ? `原版本已到 ${r.closed.effectiveTo} 为止。` : '';
  return { ok: true, message: `已发布新版本，${input.effectiveFrom} 起的估算、审核和接口都按它计算。${closed}` };
});

const holidaySchema = z.object({
  date: date('日期'),
  kind: z.enum(['holiday', 'workday'], { error: '请选择放假还是调休上班' }),
  name: z.string().trim().min(1, '请填写节日名称，例如 春节').max(20, '节日名称最多 20 个字'),
  source: z.string().trim().min(2, '请填写依据：例如 国务院办公厅关于2026年部分节假日安排的通知').max(200, '依据最多 200 个字'),
});

/** One day of the region's holiday calendar (法定节假日 or 调休上班日); administrators of the region. */
export const holidayAction = validatedAction(holidaySchema, ['admin'], async (input, user, { values }): Promise<ActionState> => {
  const r = await setHoliday(user, input, { ip: await requestAddress() });
  if (!r.ok) return refusalState(r, values);
  revalidatePath('/admin/parameters');
  return { ok: true, message: `已保存：${input.date} ${input.kind === 'holiday' ? '放假' : '调休上班'}（${input.name}）。工作日的计算从现在起按它。` };
});

/** Takes a day off the calendar (it is then an ordinary weekday or weekend day). */
export const removeHolidayAction = validatedAction(z.object({ id: z.string().min(1).max(64) }), ['admin'], async (input, user): Promise<ActionState> => {
  const r = await removeHoliday(user, input.id, { ip: await requestAddress() });
  if (!r.ok) return refusalState(r);
  revalidatePath('/admin/parameters');
  return { ok: true, message: '已从节假日安排中删除这一天。' };
});
