'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction } from '@/lib/http/action';
import { isRegionCode, type RegionCode } from '@/lib/calculator';
import { EPISODE_KEYS, MAX_EPISODES, type EstimateDraft } from '@/lib/estimate/draft';
import { checkEpisodeYear } from '@/lib/estimate/input';
import { parseCards } from '@/lib/check/parse';
import { estimateCategoryViews, questionView } from '@/lib/check/views';
import { clearEstimateDraft, readEstimateDraft, writeEstimateDraft } from '@/lib/estimate/store';
import { parseYuanToFen, todayInShanghai } from '@/lib/format';
import { applyPath, writePrefill } from '@/lib/applications/prefill';
import { parseEpisodeForm, type EpisodeFormValues } from '@/lib/validation/episode-form';

export type FormState = { message?: string; fieldErrors?: Record<string, string>; values?: Record<string, string | string[]> };

const SAVE_FAILED = '保存时出了问题，请再试一次。';

// The estimate needs no account: its draft lives in an encrypted cookie (lib/estimate/store.ts), so these actions
// take `roles: null`; each still parses its form first (validatedAction).
const REGION_ERROR = '请选择您参加医保或者落户的地方';
const invalid = (fieldErrors: Record<string, string>, values: Record<string, string | string[]>): FormState => ({ fieldErrors, values });

export const setEstimateRegion = validatedAction(z.object({ region: z.string({ error: REGION_ERROR }).refine(isRegionCode, REGION_ERROR) }), null, async (input): Promise<FormState> => {
  const region = input.region as RegionCode;
  const draft = await readEstimateDraft();
  const next: EstimateDraft = draft.region === region ? draft : { episodes: draft.episodes, region };
  if (!(await writeEstimateDraft(next))) return { message: SAVE_FAILED };
  redirect('/estimate/who');
}, { invalid });

const insuredSchema = z.enum(['yes', 'no'], { error: '请选择在外省市有没有职工基本医疗保险' });

export const setEstimateWho = validatedAction(z.object({}).loose(), null, async (_input, _user, { formData }): Promise<FormState> => {
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
});

function episodeValues(formData: FormData): EpisodeFormValues {
  const out: EpisodeFormValues = {};
  for (const k of EPISODE_KEYS) {
    const v = formData.get(k);
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim().slice(0, 40);
  }
  return out;
}

/** `slot` is the visit's position (0-based) or "new". */
const GONE = '这条就医记录已经不存在了，请回到估算首页重新添加。';
// Never coerced: an empty slot must not become visit 0.
const slotSchema = z.union([z.literal('new'), z.string().regex(/^\d+$/, GONE)], { error: GONE });

export const saveVisit = validatedAction(z.object({ slot: slotSchema.optional().default('new') }).loose(), null, async (input, _user, { formData }): Promise<FormState> => {
  const draft = await readEstimateDraft();
  if (!draft.region) redirect('/estimate/region');
  const slot = input.slot;
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
}, { invalid: (): FormState => ({ message: GONE }) });

export const deleteVisit = validatedAction(z.object({ slot: z.string().regex(/^\d+$/, GONE) }), null, async (input) => {
  const draft = await readEstimateDraft();
  const index = Number(input.slot);
  if (index < draft.episodes.length) await writeEstimateDraft({ ...draft, episodes: draft.episodes.filter((_, i) => i !== index) });
  redirect('/estimate');
});

export const resetEstimate = validatedAction(z.object({}).loose(), null, async () => {
  await clearEstimateDraft();
  redirect('/estimate');
});

/**
 * 申请救助: region, categories and every visit typed here go to the application wizard (lib/applications/prefill.ts: kept on
 * the server when signed in, else in a cookie that moves there at sign-in). Signed out, straight to sign-in.
 */
export const applyFromEstimate = validatedAction(z.object({}).loose(), null, async () => {
  const draft = await readEstimateDraft();
  if (!draft.region) redirect('/estimate');
  // Ten visits (MAX_EPISODES) fit the signed-out cookie in its compact form; signed in there is no limit.
  await writePrefill({ region: draft.region, categories: draft.cards ?? [], episodes: draft.episodes });
  redirect(await applyPath());
});
