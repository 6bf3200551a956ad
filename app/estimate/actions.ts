'use server';
import { asForm } from '@/lib/action';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { WhatIfState } from '@/app/_components/what-if-form';
import { isRegionCode } from '@/lib/calculator';
import { EPISODE_KEYS, MAX_EPISODES, type EstimateDraft } from '@/lib/check/estimate-draft';
import { checkEpisodeYear } from '@/lib/check/estimate-input';
import { parseCards } from '@/lib/check/parse';
import { estimateCategoryViews, questionView } from '@/lib/check/views';
import { clearDrafts, readEstimateDraft, writeEstimateDraft } from '@/lib/check/store';
import { parseWhatIf } from '@/lib/check/what-if';
import { parseYuanToFen, todayInShanghai } from '@/lib/format';
import { writePrefill } from '@/lib/prefill';
import { parseEpisodeForm, type EpisodeFormValues } from '@/lib/validation/episode-form';

export type FormState = { message?: string; fieldErrors?: Record<string, string>; values?: Record<string, string | string[]> };

const SAVE_FAILED = '保存时出了问题，请再试一次。';

export async function setEstimateRegion(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = asForm(formData);
  const region = formData.get('region');
  if (!isRegionCode(region)) return { fieldErrors: { region: '请选择您参加医保或者落户的地方' } };
  const draft = await readEstimateDraft();
  const next: EstimateDraft = draft.region === region ? draft : { episodes: draft.episodes, region };
  if (!(await writeEstimateDraft(next))) return { message: SAVE_FAILED };
  redirect('/estimate/who');
}

const insuredSchema = z.enum(['yes', 'no'], { error: '请选择在外省市有没有职工基本医疗保险' });

export async function setEstimateWho(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = asForm(formData);
  const draft = await readEstimateDraft();
  if (!draft.region) redirect('/estimate/region');
  const cards = formData.getAll('cards').filter((v): v is string => typeof v === 'string');
  const values: Record<string, string | string[]> = { cards };
  const fieldErrors: Record<string, string> = {};
  const view = questionView('cards', { region: draft.region });
  const none = view.kind === 'checkbox' ? view.none : { value: 'none', label: '都没有' };
  const parsed = parseCards(cards, estimateCategoryViews(draft.region).map((o) => o.value), none);
  if (!parsed.ok) fieldErrors.cards = parsed.error;

  let insuredElsewhere: 'yes' | 'no' | undefined;
  let homeDeductibleFen: number | undefined;
  if (draft.region === 'shanghai-mutual-aid') {
    const insured = insuredSchema.safeParse(formData.get('insuredElsewhere'));
    values.insuredElsewhere = String(formData.get('insuredElsewhere') ?? '');
    if (insured.success) insuredElsewhere = insured.data;
    else fieldErrors.insuredElsewhere = insured.error.issues[0]!.message;
    const typed = String(formData.get('homeDeductibleYuan') ?? '').trim();
    values.homeDeductibleYuan = typed;
    if (typed && insuredElsewhere === 'yes') {
      const fen = /^-/.test(typed) ? null : parseYuanToFen(typed);
      if (fen === null) fieldErrors.homeDeductibleYuan = /^-/.test(typed) ? '起付标准不能是负数' : '请填写数字金额（元），最多两位小数，例如 1500';
      else homeDeductibleFen = fen;
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !parsed.ok) return { fieldErrors, values };
  const next: EstimateDraft = { ...draft, cards: parsed.cards, fromCheck: false, insuredElsewhere, homeDeductibleFen };
  if (!(await writeEstimateDraft(next))) return { message: SAVE_FAILED };
  redirect(draft.episodes.length === 0 ? '/estimate/visit/new' : '/estimate');
}

function episodeValues(formData: FormData): EpisodeFormValues {
  const out: EpisodeFormValues = {};
  for (const k of EPISODE_KEYS) {
    const v = formData.get(k);
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim().slice(0, 40);
  }
  return out;
}

/** `slot` is the visit's position (0-based) or "new". */
export async function saveVisit(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = asForm(formData);
  const draft = await readEstimateDraft();
  if (!draft.region) redirect('/estimate/region');
  const slot = String(formData.get('slot') ?? 'new');
  const index = slot === 'new' ? draft.episodes.length : Number(slot);
  if (!Number.isInteger(index) || index < 0 || index > draft.episodes.length) return { message: '这条就医记录已经不存在了，请回到估算首页重新添加。' };
  if (slot === 'new' && draft.episodes.length >= MAX_EPISODES) return { message: `一次最多估算 ${MAX_EPISODES} 次就医。` };

  const values = episodeValues(formData);
  const parsed = parseEpisodeForm(values, todayInShanghai());
  const fieldErrors: Record<string, string> = parsed.ok ? {} : { ...parsed.fieldErrors };
  const yearError = checkEpisodeYear(draft.episodes, index, values.date);
  if (yearError && !fieldErrors.date) fieldErrors.date = yearError;
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors, values };

  const episodes = [...draft.episodes];
  episodes[index] = values;
  if (!(await writeEstimateDraft({ ...draft, episodes }))) return { message: SAVE_FAILED, values };
  redirect('/estimate');
}

export async function deleteVisit(formData: FormData): Promise<void> {
  formData = asForm(formData);
  const draft = await readEstimateDraft();
  const index = Number(formData.get('slot'));
  if (Number.isInteger(index) && index >= 0 && index < draft.episodes.length) {
    await writeEstimateDraft({ ...draft, episodes: draft.episodes.filter((_, i) => i !== index) });
  }
  redirect('/estimate');
}

export async function setEstimateWhatIf(_prev: WhatIfState, formData: FormData): Promise<WhatIfState> {
  formData = asForm(formData);
  const draft = await readEstimateDraft();
  if (!draft.region) redirect('/estimate');
  const parsed = parseWhatIf(draft.region, (f) => formData.get(f), draft.whatIf);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values: parsed.values };
  await writeEstimateDraft({ ...draft, whatIf: parsed.whatIf });
  redirect('/estimate/result');
}

export async function resetEstimate(): Promise<void> {
  await clearDrafts('estimate');
  redirect('/estimate');
}

/** 申请救助: region, categories and the visits typed here go to the application wizard through the prefill cookie. */
export async function applyFromEstimate(): Promise<void> {
  const draft = await readEstimateDraft();
  if (!draft.region) redirect('/estimate');
  const base = { region: draft.region, categories: draft.cards ?? [] };
  // The prefill cookie has room for a few visits only; the wizard asks for the rest.
  if (!(await writePrefill({ ...base, episodes: draft.episodes }))) await writePrefill({ ...base, episodes: [] });
  redirect('/apply');
}
