'use server';
// The case page's actions: each one validatedAction → one data-layer call (perform(), the reveal, the
// assignment). A workflow action needs the confirmation box ticked, so nothing happens on a stray tap; which
// verbs exist and how their forms read come from the verb list (lib/workflow).
import { requestAddress } from '@/lib/http/client-address';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction, type FormValues } from '@/lib/http/action';
import { CASE_HANDLERS, STAFF } from '@/lib/auth/roles';
import { assignApplication } from '@/lib/dal/staff-queue';
import { REVEALABLE, revealField, setSettlementNo, type RevealField } from '@/lib/dal/staff-case';
import { formErrors, perform, readStaffForm, staffVerbNames, type TransitionName } from '@/lib/workflow';

export type CaseActionState = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; values?: FormValues };
export type RevealState = { ok: boolean; message?: string; value?: string };

const ref = z.string().regex(/^[A-Z]{2}-\d{4}-\d{6}$/, '没有找到这份申请。');

async function ip() {
  return await requestAddress();
}

export const caseAction = validatedAction(
  z.object({ ref, verb: z.enum(staffVerbNames() as [TransitionName, ...TransitionName[]]), confirm: z.literal('yes', { error: '请勾选确认框，确认后再提交。' }) }),
  STAFF,
  async ({ ref: r, verb }, user, { values }): Promise<CaseActionState> => {
    // The verb's own form declaration reads the answers (lib/workflow/verbs/<verb>.ts); its schema then checks them.
    const built = readStaffForm(verb, values);
    if (!('input' in built)) return { ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors: built.fieldErrors, values };
    const result = await perform(user, r, verb, built.input, { ip: await ip() });
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: formErrors(verb, result.fieldErrors), values };
    revalidatePath(`/admin/applications/${r}`);
    revalidatePath('/admin');
    redirect(`/admin/applications/${r}?done=${verb}`);
  },
  { bound: ['ref', 'verb'] },
);

export const revealAction = validatedAction(
  z.object({ ref, field: z.enum(Object.keys(REVEALABLE) as [RevealField, ...RevealField[]]) }),
  CASE_HANDLERS,
  async ({ ref: r, field }, user): Promise<RevealState> => {
    const result = await revealField(user, r, field, await ip());
    return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.message };
  },
  { bound: ['ref', 'field'] },
);

export const assignAction = validatedAction(
  z.object({
    ref,
    // "分派给我" is a second button named assignee: then the form sends the select's value and 'me'.
    assignee: z.union([z.string().max(64), z.array(z.string().max(64))]).transform((a) => (Array.isArray(a) ? (a.includes('me') ? 'me' : (a[0] ?? '')) : a)),
  }),
  STAFF,
  async ({ ref: r, assignee }, user): Promise<CaseActionState> => {
    const target = assignee === 'me' ? user.id : assignee || null;
    const result = await assignApplication(user, r, target, await ip());
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
    revalidatePath(`/admin/applications/${r}`);
    return { ok: true, message: target ? '已分派。' : '已取消分派。' };
  },
  { bound: ['ref'] },
);

/** Staff fill a visit's 结算单号 at review, so an import of the same settlement finds this case (paid once). */
export const settlementNoAction = validatedAction(
  z.object({
    ref,
    seq: z.coerce.number().int().min(0).max(99),
    settlementNo: z.string().transform((s) => s.trim().normalize('NFKC')).pipe(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '结算单号只能包含字母、数字、“-”和“_”，最多 64 个字符')),
  }),
  CASE_HANDLERS,
  async ({ ref: r, seq, settlementNo }, user, { values }): Promise<CaseActionState> => {
    const result = await setSettlementNo(user, r, seq, settlementNo, await ip());
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
    revalidatePath(`/admin/applications/${r}`);
    return { ok: true, message: `已记录第 ${seq + 1} 次就医的结算单号。` };
  },
  { bound: ['ref', 'seq'] },
);
