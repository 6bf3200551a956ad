'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { parseEpisodeForm, type EpisodeFormValues } from '@/lib/validation/episode-form';
import { validateApplicant, validateBank, validateDeclaration, validateIdentity, type StepValues } from '@/lib/validation/apply';
import { REGIONS, type RegionCode } from '@/lib/calculator';
import type { StepKey } from '@/lib/applications/draft';
import { submitDraft } from '@/lib/dal/applications';
import { addDocument, removeDocument, DOCUMENT_KINDS, type DocumentKind } from '@/lib/dal/documents';
import { createDraft, deleteDraft, getDraft, removeEpisode, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { AppError } from '@/lib/errors';
import { todayInShanghai } from '@/lib/format';
import { clearPrefill, readPrefill } from '@/lib/prefill';
import { requireUser } from '@/lib/session';

export type StepState = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; values?: StepValues };

/** Every field of a form as strings (checkbox groups as arrays), the way the draft keeps them. */
function formValues(formData: FormData, multi: readonly string[] = []): StepValues {
  const out: StepValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$') || key === 'draftId') continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = multi.includes(key) ? all : (all[0] ?? '');
  }
  return out;
}

export async function startApplication(formData: FormData): Promise<void> {
  const user = await requireUser(['resident'], '/apply');
  const region = String(formData.get('region') ?? '');
  if (!REGIONS.some((r) => r.code === region)) redirect('/apply?error=region');
  const forPersonId = String(formData.get('for') ?? 'self');
  const prefill = await readPrefill();
  const today = todayInShanghai();
  const initial = {
    ...(prefill.categories?.length ? { identity: { values: { categories: prefill.categories }, complete: validateIdentity({ categories: prefill.categories }, region as RegionCode).ok } } : {}),
    episodes: (prefill.episodes ?? []).map((values) => ({ values, complete: parseEpisodeForm(values, today, { requireHospitalName: true }).ok })),
  };
  let id: string;
  try {
    id = createDraft(user, { region, forPersonId: forPersonId === 'self' ? null : forPersonId, initial });
  } catch (error) {
    if (error instanceof AppError) redirect('/apply?error=forbidden');
    throw error;
  }
  await clearPrefill();
  redirect(`/apply/${id}`);
}

const VALIDATORS: Record<StepKey, (v: StepValues, ctx: { region: RegionCode; applicantName: string | null }) => { ok: boolean; fieldErrors?: Record<string, string> }> = {
  applicant: (v) => validateApplicant(v),
  identity: (v, c) => validateIdentity(v, c.region),
  bank: (v, c) => validateBank(v, c.applicantName),
  declaration: (v) => validateDeclaration(v),
};

/** Saves one step's answers (even when they do not pass yet, so nothing is lost) and reports what to fix. */
export async function saveStepAction(draftId: string, key: StepKey, _prev: StepState, formData: FormData): Promise<StepState> {
  const user = await requireUser(['resident']);
  const values = formValues(formData, ['categories']);
  let next: string | null = null;
  try {
    const current = getDraft(user, draftId);
    const applicant = current.draft.applicant ? validateApplicant(current.draft.applicant.values) : null;
    const result = VALIDATORS[key](values, { region: current.region as RegionCode, applicantName: applicant?.ok ? applicant.data.name : null });
    saveStep(user, draftId, key, { values, complete: result.ok });
    if (!result.ok) return { ok: false, message: '有几处需要修改，已先为您保存。', fieldErrors: result.fieldErrors, values };
    next = `/apply/${draftId}`;
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.userMessage, values };
    throw error;
  }
  revalidatePath(`/apply/${draftId}`);
  redirect(next);
}

export async function saveEpisodeAction(draftId: string, index: number, _prev: StepState, formData: FormData): Promise<StepState> {
  const user = await requireUser(['resident']);
  const values = formValues(formData) as EpisodeFormValues & StepValues;
  const parsed = parseEpisodeForm(values, todayInShanghai(), { requireHospitalName: true });
  let at: number;
  try {
    at = saveEpisode(user, draftId, index, { values, complete: parsed.ok }).index;
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.userMessage, values };
    throw error;
  }
  if (!parsed.ok) {
    if (index < 0) redirect(`/apply/${draftId}/episodes/${at}?check=1`);
    return { ok: false, message: '有几处需要修改，已先为您保存。', fieldErrors: parsed.fieldErrors, values };
  }
  revalidatePath(`/apply/${draftId}`);
  redirect(index < 0 ? `/apply/${draftId}/episodes/${at}?saved=1#uploads` : `/apply/${draftId}/episodes`);
}

export async function removeEpisodeAction(formData: FormData): Promise<void> {
  const user = await requireUser(['resident']);
  const draftId = String(formData.get('draftId'));
  removeEpisode(user, draftId, Number(formData.get('index')));
  revalidatePath(`/apply/${draftId}`);
  redirect(`/apply/${draftId}/episodes`);
}

export async function deleteDraftAction(formData: FormData): Promise<void> {
  const user = await requireUser(['resident']);
  deleteDraft(user, String(formData.get('draftId')));
  redirect('/apply?deleted=1');
}

export type SubmitState = { ok: boolean; message?: string; problems?: { section: string; message: string }[] };

export async function submitAction(draftId: string, _prev: SubmitState): Promise<SubmitState> {
  const user = await requireUser(['resident']);
  const result = await submitDraft(user, draftId);
  if (!result.ok) return { ok: false, message: result.message, problems: result.problems };
  redirect(`/applications/${result.ref}/confirmation`);
}

export type UploadState = { ok: boolean; message?: string };

/** The no-JavaScript path of the upload field; the script path posts to /api/uploads with progress. */
export async function uploadAction(_prev: UploadState, formData: FormData): Promise<UploadState> {
  const user = await requireUser(['resident']);
  const applicationId = String(formData.get('applicationId'));
  const kind = String(formData.get('kind')) as DocumentKind;
  const seq = formData.get('episodeSeq');
  const files = formData.getAll('file').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0);
  if (!(kind in DOCUMENT_KINDS)) return { ok: false, message: '材料类型不正确。' };
  if (files.length === 0) return { ok: false, message: '请先选择要上传的照片或文件。' };
  for (const file of files) {
    const r = await addDocument(user, applicationId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { kind, episodeSeq: seq ? Number(seq) : null });
    if (!r.ok) return r;
  }
  revalidatePath('/apply');
  revalidatePath('/applications');
  return { ok: true, message: `已上传 ${files.length} 个文件。` };
}

export async function removeDocumentAction(formData: FormData): Promise<void> {
  const user = await requireUser(['resident']);
  removeDocument(user, String(formData.get('documentId')));
  revalidatePath('/apply');
}
