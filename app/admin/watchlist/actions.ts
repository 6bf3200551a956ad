'use server';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/http/action';
import { requestAddress } from '@/lib/http/client-address';
import { WATCHLIST_STATUSES } from '@/db/schema-shared';
import { followUp, openPersonFromLead, requestWatchlistRefresh, WATCH_ACTORS } from '@/lib/dal/watchlist';
import { cardName, idNumberField } from '@/lib/validation/fields';

export type FollowUpState = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

export const refreshWatchlistAction = validatedAction(z.object({}), WATCH_ACTORS, async (_input, user) => {
  const r = await requestWatchlistRefresh(user, { ip: await requestAddress() });
  if (!r.ok) return { ok: false, message: r.message };
  redirect(`/admin/jobs/${r.jobId}`);
});

export const followUpAction = validatedAction(
  z.object({
    id: z.string().min(1).max(64),
    status: z.enum(WATCHLIST_STATUSES, { error: '请选择跟进情况' }),
    charity: z.string().trim().max(100, '机构名称不能超过 100 字').optional(),
    note: z.string().trim().max(500, '说明不能超过 500 字').optional(),
  }),
  WATCH_ACTORS,
  async (input, user, { values }): Promise<FollowUpState> => {
    const r = await followUp(user, input, { ip: await requestAddress() });
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: r.fieldErrors, values: values as Record<string, string> };
    revalidatePath('/admin/watchlist');
    return { ok: true, message: '已记录跟进情况。' };
  },
  { bound: ['id'], invalid: (fieldErrors, values) => ({ ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors, values: values as Record<string, string> }) },
);

/** 政策找人: a person record from a lead, with the name and 身份证号 checked against the lead's settlement rows. */
export const openLeadAction = validatedAction(
  z.object({ id: z.string().min(1).max(64), name: cardName, idNumber: idNumberField }),
  WATCH_ACTORS,
  async (input, user, { values }): Promise<FollowUpState> => {
    const r = await openPersonFromLead(user, input, { ip: await requestAddress() });
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: r.fieldErrors, values: values as Record<string, string> };
    revalidatePath('/admin/watchlist');
    return { ok: true, message: '已建立个人档案，这个身份证号的结算记录已归入档案；下次刷新时按档案列入预警名单。' };
  },
  { bound: ['id'], invalid: (fieldErrors, values) => ({ ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors, values: values as Record<string, string> }) },
);
