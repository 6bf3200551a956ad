'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction } from '@/lib/http/action';
import { parseEpisodeForm, type EpisodeFormValues } from '@/lib/validation/episode-form';
import { validateApplicant, validateBank, validateDeclaration, validateIdentity, type StepValues } from '@/lib/validation/apply';
import type { RegionCode } from '@/lib/calculator';
import { APPLY_REGIONS } from '@/lib/check/views';
import { STEP_KEYS, type StepKey } from '@/lib/applications/draft';
import { addDocument, removeDocument, DOCUMENT_KINDS, type DocumentKind } from '@/lib/dal/documents';
import { createDraft, deleteDraft, getDraft, removeEpisode, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { applicantOnRecord, checkApplicantIdNumber } from '@/lib/dal/persons';
import { checkIdNumber } from '@/lib/personal/id-number';
import { todayInShanghai } from '@/lib/format';
import { clearPrefill, readPrefill } from '@/lib/applications/prefill';
import { perform } from '@/lib/workflow';
import { giveSensitiveConsent, hasSensitiveConsent } from '@/lib/dal/my-data';
import type { SessionUser } from '@/lib/auth/session';
import { notUploadedMessage } from '@/lib/uploads/rules';

export type StepState = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; values?: StepValues };

const draftId = z.uuid({ error: '没有找到这份申请。' });
const WHICH_VISIT = '没有找到这次就医记录，请返回列表重新选择';
// Never coerced: an empty or missing value must not become visit 0.
const index = z.union([z.number().int(), z.string().regex(/^-?\d+$/, WHICH_VISIT).transform(Number)], { error: WHICH_VISIT }).pipe(z.number().min(-1, WHICH_VISIT));
const RESIDENT = ['resident'] as const;

/** The answers as the draft keeps them: every field a string, checkbox groups as lists. */
function stepValues(values: Record<string, string | string[]>, multi: readonly string[] = []): StepValues {
  const out: StepValues = {};
  for (const [key, v] of Object.entries(values)) {
    if (key === 'draftId') continue;
    out[key] = multi.includes(key) ? (Array.isArray(v) ? v : v ? [v] : []) : Array.isArray(v) ? (v[0] ?? '') : v;
  }
  return out;
}

export const startApplication = validatedAction(
  z.object({ region: z.string(), for: z.string().optional(), consent: z.string().optional() }),
  RESIDENT,
  async (input, user) => {
    // The national guideline is guidance, not a place that takes applications.
    if (!APPLY_REGIONS.some((r) => r.code === input.region)) redirect('/apply?error=region');
    // Separate consent to sensitive data before the first step (《个人信息保护法》第二十九条), under the current notice.
    if (!(await hasSensitiveConsent(user))) {
      if (input.consent !== 'yes') redirect('/apply?error=consent');
      await giveSensitiveConsent(user);
    }
    const region = input.region as RegionCode;
    const prefill = await readPrefill();
    const today = todayInShanghai();
    const initial = {
      ...(prefill.categories?.length ? { identity: { values: { categories: prefill.categories }, complete: validateIdentity({ categories: prefill.categories }, region).ok } } : {}),
      episodes: (prefill.episodes ?? []).map((values) => ({ values, complete: parseEpisodeForm(values, today, { requireHospitalName: true }).ok })),
    };
    const forPersonId = !input.for || input.for === 'self' ? null : input.for;
    const created = await createDraft(user, { region, forPersonId, initial });
    if (!created.ok) redirect('/apply?error=forbidden');
    await clearPrefill();
    redirect(`/apply/${created.id}`);
  },
);

const VALIDATORS: Record<StepKey, (v: StepValues, ctx: { region: RegionCode; applicantName: string | null }) => { ok: boolean; fieldErrors?: Record<string, string> }> = {
  applicant: (v) => validateApplicant(v),
  identity: (v, c) => validateIdentity(v, c.region),
  bank: (v, c) => validateBank(v, c.applicantName),
  declaration: (v) => validateDeclaration(v),
};

/**
 * Saves one step's answers (even when they do not pass yet, so nothing is lost) and reports what to fix.
 * On 救助身份 the form also carries the certificate photos chosen on it: every press uploads them (上传 and
 * 删除 stay on the page), so a photo chosen and not yet uploaded is never dropped; one refused is named.
 */
export const saveStepAction = validatedAction(
  z.object({ draftId, key: z.enum(STEP_KEYS), intent: z.string().max(60).optional() }).loose(),
  RESIDENT,
  async (input, user, { values: raw, formData }): Promise<StepState> => {
    const values = stepValues(raw, ['categories']);
    for (const field of ['key', 'intent', 'certificateAsked', 'file']) delete values[field];
    // The counter's "no phone" answer is for clerks (窗口代录); a resident always gives a phone.
    delete values.noPhone;
    const current = await getDraft(user, input.draftId);
    if (!current) return { ok: false, message: '没有找到这份申请，它可能已经提交或删除。', values };
    // The resident's own 身份证号 on record is used as it is: the form cannot change it, nor is it sent back.
    const record = input.key === 'applicant' ? await applicantOnRecord(user, input.draftId) : null;
    const fixedId = record?.self ? record.idNumber : null;
    if (fixedId) values.idNumber = fixedId;
    const shown = fixedId ? Object.fromEntries(Object.entries(values).filter(([k]) => k !== 'idNumber')) : values;
    const applicant = current.draft.applicant ? validateApplicant(current.draft.applicant.values) : null;
    let result = VALIDATORS[input.key](values, { region: current.region as RegionCode, applicantName: applicant?.ok ? applicant.data.name : null });
    if (input.key === 'applicant') {
      // Checked where it is typed, as submit will: the applicant's record, and nobody else's.
      const format = checkIdNumber(typeof values.idNumber === 'string' ? values.idNumber : '');
      const typedId = format.ok ? format.value : null;
      const checked = typedId && !fixedId ? await checkApplicantIdNumber(user, input.draftId, typedId) : { ok: true as const };
      if (!checked.ok) result = { ok: false, fieldErrors: { ...(result.ok ? {} : result.fieldErrors), idNumber: checked.fieldErrors?.idNumber ?? checked.message } };
    }
    const saved = await saveStep(user, input.draftId, input.key, { values, complete: result.ok });
    if (!saved.ok) return { ok: false, message: saved.message, values: shown };
    const errors = result.ok ? {} : (result.fieldErrors ?? {});
    if (input.key === 'identity') {
      const files = await uploadFiles(user, input.draftId, chosenFiles(formData), { kind: 'certificate', episodeSeq: null });
      const removeId = input.intent?.startsWith('remove:') ? input.intent.slice('remove:'.length) : null;
      const removed = removeId && z.uuid().safeParse(removeId).success ? await removeDocument(user, removeId) : null;
      const stays = input.intent === 'upload' || removeId !== null;
      if (files.refused.length || stays) revalidatePath(`/apply/${input.draftId}/identity`);
      if (files.refused.length) return { ok: false, message: `${files.uploaded ? `已上传 ${files.uploaded} 个文件，` : ''}有文件还没有上传，您选的身份已先保存。`, fieldErrors: { ...errors, file: files.refused.join(' ') }, values: shown };
      if (input.intent === 'upload' && files.uploaded === 0) return { ok: false, message: '请先选择要上传的照片或文件。', fieldErrors: { file: '请先选择要上传的照片或文件。' }, values: shown };
      if (stays) return { ok: true, message: removed ? (removed.ok ? '已删除。' : removed.message) : `已上传 ${files.uploaded} 个文件。`, values: shown };
    }
    if (!result.ok) return { ok: false, message: '有几处需要修改，已先为您保存。', fieldErrors: errors, values: shown };
    revalidatePath(`/apply/${input.draftId}`);
    // Without JavaScript the certificate is asked for once the category is saved: the same page, its second part.
    if (input.key === 'identity' && !formData.get('certificateAsked')) redirect(`/apply/${input.draftId}/identity?saved=1#certificate`);
    redirect(`/apply/${input.draftId}`);
  },
  { bound: ['draftId', 'key'] },
);

export const saveEpisodeAction = validatedAction(
  z.object({ draftId, index }).loose(),
  RESIDENT,
  async (input, user, { values: raw }): Promise<StepState> => {
    const values = stepValues(raw) as EpisodeFormValues & StepValues;
    delete values.index;
    const parsed = parseEpisodeForm(values, todayInShanghai(), { requireHospitalName: true });
    const saved = await saveEpisode(user, input.draftId, input.index, { values, complete: parsed.ok });
    if (!saved.ok) return { ok: false, message: saved.message, values };
    if (!parsed.ok) {
      if (input.index < 0) redirect(`/apply/${input.draftId}/episodes/${saved.index}?check=1`);
      return { ok: false, message: '有几处需要修改，已先为您保存。', fieldErrors: parsed.fieldErrors, values };
    }
    revalidatePath(`/apply/${input.draftId}`);
    redirect(input.index < 0 ? `/apply/${input.draftId}/episodes/${saved.index}?saved=1#uploads` : `/apply/${input.draftId}/episodes`);
  },
  { bound: ['draftId', 'index'] },
);

export const removeEpisodeAction = validatedAction(z.object({ draftId, index: index.pipe(z.number().min(0, WHICH_VISIT)) }), RESIDENT, async (input, user) => {
  const removed = await removeEpisode(user, input.draftId, input.index);
  if (!removed.ok) return removed;
  revalidatePath(`/apply/${input.draftId}`);
  redirect(`/apply/${input.draftId}/episodes`);
});

export const deleteDraftAction = validatedAction(z.object({ draftId }), RESIDENT, async (input, user) => {
  const deleted = await deleteDraft(user, input.draftId);
  if (!deleted.ok) return deleted;
  redirect('/apply?deleted=1');
});

export type SubmitState = { ok: boolean; message?: string; problems?: { section: string; message: string }[] };

export const submitAction = validatedAction(
  z.object({ draftId }),
  RESIDENT,
  async (input, user): Promise<SubmitState> => {
    const result = await perform(user, input.draftId, 'submit');
    if (!result.ok) return { ok: false, message: result.message, problems: Object.entries(result.fieldErrors ?? {}).map(([section, message]) => ({ section, message })) };
    redirect(`/applications/${result.ref}/confirmation`);
  },
  { bound: ['draftId'] },
);

export type UploadState = { ok: boolean; message?: string };

/** The no-JavaScript path of the upload field; the script path posts to /api/uploads with progress. */
export const uploadAction = validatedAction(
  z.object({
    applicationId: draftId,
    kind: z.enum(Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]], { error: '材料类型不正确。' }),
    episodeSeq: z.union([z.literal(''), z.coerce.number().int().min(0)]).optional(),
  }).loose(),
  RESIDENT,
  async (input, user, { formData }): Promise<UploadState> => {
    const files = chosenFiles(formData);
    if (files.length === 0) return { ok: false, message: '请先选择要上传的照片或文件。' };
    const seq = typeof input.episodeSeq === 'number' ? input.episodeSeq : null;
    const r = await uploadFiles(user, input.applicationId, files, { kind: input.kind, episodeSeq: seq });
    revalidatePath('/apply');
    revalidatePath('/applications');
    if (r.refused.length) return { ok: false, message: `${r.uploaded ? `已上传 ${r.uploaded} 个文件，` : ''}${r.refused.join(' ')}` };
    return { ok: true, message: `已上传 ${files.length} 个文件。` };
  },
);

/**
 * The files a form carries. A file input left empty posts an empty part with no file name, which is not a file
 * chosen: without JavaScript its name is ""; through React's action encoding it arrives named "undefined".
 */
function chosenFiles(formData: FormData): File[] {
  return formData.getAll('file').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.name !== '' && !(f.size === 0 && f.name === 'undefined'));
}

/** Each file through the same checks and encrypted storage (addDocument); a refused one is named, the rest still go. */
async function uploadFiles(user: SessionUser, applicationId: string, files: File[], meta: { kind: DocumentKind; episodeSeq: number | null }) {
  let uploaded = 0;
  const refused: string[] = [];
  for (const file of files) {
    const r = await addDocument(user, applicationId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, meta);
    if (r.ok) uploaded += 1;
    else refused.push(notUploadedMessage(file.name, r.message));
  }
  return { uploaded, refused };
}

export const removeDocumentAction = validatedAction(z.object({ documentId: z.uuid({ error: '没有找到这个文件。' }) }), RESIDENT, async (input, user) => {
  const removed = await removeDocument(user, input.documentId);
  revalidatePath('/apply');
  return removed;
});

/** The consent page's form (a draft started under an older notice asks again before its next step). */
export const consentAction = validatedAction(z.object({ consent: z.string().optional(), next: z.string().max(200).optional() }), RESIDENT, async (input, user) => {
  const next = input.next && /^\/apply\/[0-9a-f-]{36}(\/|$)/.test(input.next) ? input.next : '/apply';
  if (input.consent !== 'yes') redirect(`/apply/consent?error=1&next=${encodeURIComponent(next)}`);
  await giveSensitiveConsent(user);
  redirect(next);
});
