'use server';
// 窗口代录 actions: each validatedAction → one data-layer call (lib/dal/counter.ts, lib/dal/drafts.ts).
import { requestAddress } from '@/lib/http/client-address';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { cardName, idNumberField, optionalPhoneField, phoneField } from '@/lib/validation/fields';
import { refusalState, validatedAction, type ActionState } from '@/lib/http/action';
import { STEP_KEYS, type StepKey } from '@/lib/applications/draft';
import type { RegionCode } from '@/lib/calculator';
import { recordGuardian, startCounterFiling, submitCounterFiling } from '@/lib/dal/counter';
import { addDocument, DOCUMENT_KINDS, type DocumentKind } from '@/lib/dal/documents';
import { getDraft, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { todayInShanghai } from '@/lib/format';
import { validateApplicant, validateBank, validateIdentity, type StepValues } from '@/lib/validation/apply';
import { parseEpisodeForm, type EpisodeFormValues } from '@/lib/validation/episode-form';
import type { StepState } from '@/app/(resident)/apply/actions';

const CLERK = ['clerk'] as const;
const draftId = z.uuid({ error: '没有找到这份代录。' });

export const startAction = validatedAction(
  z.object({
    name: cardName,
    idNumber: idNumberField,
    phone: optionalPhoneField('手机号码应为 11 位；没有手机请留空。'),
    checked: z.literal('yes', { error: '请先核对身份证原件，再勾选确认。' }),
  }),
  CLERK,
  async (input, user, { values }): Promise<ActionState> => {
    const r = await startCounterFiling(user, input);
    if (!r.ok) return refusalState(r, values);
    redirect(`/admin/counter/${r.id}`);
  },
);

function stepValues(values: Record<string, string | string[]>, multi: readonly string[] = []): StepValues {
  const out: StepValues = {};
  for (const [key, v] of Object.entries(values)) {
    if (key === 'draftId' || key === 'key' || key === 'index') continue;
    out[key] = multi.includes(key) ? (Array.isArray(v) ? v : v ? [v] : []) : Array.isArray(v) ? (v[0] ?? '') : v;
  }
  return out;
}

export const counterStepAction = validatedAction(
  z.object({ draftId, key: z.enum(STEP_KEYS) }).loose(),
  CLERK,
  async (input, user, { values: raw }): Promise<StepState> => {
    const key = input.key as StepKey;
    if (key === 'declaration') return { ok: false, message: '窗口代录以签字的承诺书扫描件代替声明，请在任务清单上传。' };
    const values = stepValues(raw, ['categories']);
    const current = await getDraft(user, input.draftId);
    if (!current) return { ok: false, message: '没有找到这份代录，它可能已经提交。', values };
    const applicantValues = current.draft.applicant?.values ?? {};
    if (key === 'applicant') {
      // Name and 身份证号 were checked against the 身份证 when the filing began: kept as they are.
      values.name = applicantValues.name ?? '';
      values.idNumber = applicantValues.idNumber ?? '';
      if (!String(values.phone ?? '').trim()) values.noPhone = 'yes';
    }
    const applicant = validateApplicant(key === 'applicant' ? values : applicantValues);
    const region = current.region as RegionCode;
    const result = key === 'applicant' ? applicant : key === 'identity' ? validateIdentity(values, region) : validateBank(values, applicant.ok ? applicant.data.name : null);
    const saved = await saveStep(user, input.draftId, key, { values, complete: result.ok });
    if (!saved.ok) return { ok: false, message: saved.message, values };
    if (!result.ok) return { ok: false, message: '有几处需要修改，已先保存。', fieldErrors: result.fieldErrors, values };
    revalidatePath(`/admin/counter/${input.draftId}`);
    redirect(`/admin/counter/${input.draftId}`);
  },
  { bound: ['draftId', 'key'] },
);

const index = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]).pipe(z.number().min(-1));

export const counterEpisodeAction = validatedAction(
  z.object({ draftId, index }).loose(),
  CLERK,
  async (input, user, { values: raw }): Promise<StepState> => {
    const values = stepValues(raw) as EpisodeFormValues & StepValues;
    const parsed = parseEpisodeForm(values, todayInShanghai(), { requireHospitalName: true });
    const saved = await saveEpisode(user, input.draftId, input.index, { values, complete: parsed.ok });
    if (!saved.ok) return { ok: false, message: saved.message, values };
    if (!parsed.ok) return { ok: false, message: '有几处需要修改，已先保存。', fieldErrors: parsed.fieldErrors, values };
    revalidatePath(`/admin/counter/${input.draftId}`);
    redirect(`/admin/counter/${input.draftId}`);
  },
  { bound: ['draftId', 'index'] },
);

export const counterUploadAction = validatedAction(
  z.object({ draftId, kind: z.enum(Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]], { error: '请选择材料类型。' }) }),
  CLERK,
  async (input, user, { formData }): Promise<ActionState> => {
    const files = formData.getAll('file').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0);
    if (files.length === 0) return { ok: false, message: '请先选择扫描件。', fieldErrors: { file: '请先选择扫描件。' } };
    for (const file of files) {
      const r = await addDocument(user, input.draftId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { kind: input.kind, episodeSeq: input.kind === 'receipt' ? 0 : null });
      if (!r.ok) return { ok: false, message: r.message, fieldErrors: { file: r.message } };
    }
    revalidatePath(`/admin/counter/${input.draftId}`);
    return { ok: true, message: `已上传 ${files.length} 个文件。` };
  },
  { bound: ['draftId'] },
);

export const counterSubmitAction = validatedAction(z.object({ draftId }), CLERK, async (input, user): Promise<ActionState> => {
  const r = await submitCounterFiling(user, input.draftId, await requestAddress());
  if (!r.ok) return refusalState(r);
  redirect(`/admin/counter/receipt/${r.ref}`);
}, { bound: ['draftId'] });

// 监护人 at the counter: both 身份证 seen, the guardianship proof uploaded (refused without it).
export const guardianAction = validatedAction(
  z.object({
    personName: cardName,
    personIdNumber: idNumberField,
    guardianName: cardName,
    guardianIdNumber: idNumberField,
    guardianPhone: phoneField(),
    validTo: z.string({ error: '请填写结束日期。' }).regex(/^\d{4}-\d{2}-\d{2}$/, '请填写结束日期（年-月-日）。'),
    checked: z.literal('yes', { error: '请先核对双方身份证原件和监护证明，再勾选确认。' }),
  }),
  CLERK,
  async (input, user, { formData, values }): Promise<ActionState> => {
    const f = formData.get('proof');
    const proof = typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0 ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : null;
    const r = await recordGuardian(user, input, proof);
    if (!r.ok) return refusalState(r, values);
    revalidatePath('/admin/authorities');
    redirect(`/admin/authorities/${r.id}?done=guardian`);
  },
);
