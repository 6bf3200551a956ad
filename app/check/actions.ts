'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction, type FormValues as RawValues } from '@/lib/http/action';
import { applyAnswer, parseAnswer, type FormValues } from '@/lib/check/parse';
import { firstUnanswered, isQuestionId, nextPath, questionPath } from '@/lib/check/questions';
import { runCheck } from '@/lib/check/run';
import { clearCheckAnswers, readCheckAnswers, writeCheckAnswers } from '@/lib/check/store';
import { readEstimateDraft, writeEstimateDraft } from '@/lib/estimate/store';
import { applyPath, writePrefill } from '@/lib/applications/prefill';

export type AnswerState = { error?: string; message?: string; values?: string | string[] };

// The check needs no account: its answers live in an encrypted cookie (lib/check/store.ts), so these actions
// take `roles: null`; each still parses its form first (validatedAction).
const NO_QUESTION = '这个问题不存在，请从头开始。';

export const answerQuestion = validatedAction(
  z.object({ question: z.string().refine(isQuestionId, NO_QUESTION), change: z.string().optional() }).loose(),
  null,
  async (input, _user, { values }): Promise<AnswerState> => {
    const id = input.question as Parameters<typeof parseAnswer>[0];
    const current = await readCheckAnswers();
    if (id !== 'region' && !current.region) return { message: '您的回答已经过期（超过 2 小时会自动清除），请从第一个问题重新开始。' };
    const parsed = parseAnswer(id, answerValues(values), current);
    if (!parsed.ok) return { error: parsed.error, values: parsed.values };
    const next = applyAnswer(current, parsed.patch);
    if (!(await writeCheckAnswers(next))) return { message: '保存回答时出了问题，请再试一次。' };
    redirect(nextPath(id, next, input.change === '1'));
  },
  { invalid: (): AnswerState => ({ message: NO_QUESTION }) },
);

/** The question's fields as parseAnswer reads them (a missing answer is undefined, not ''). */
function answerValues(values: RawValues): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(values)) if (k !== 'question' && k !== 'change') out[k] = v === '' ? undefined : v;
  return out;
}

export const resetCheck = validatedAction(z.object({}).loose(), null, async () => {
  await clearCheckAnswers();
  redirect('/check');
});

async function answersWithResult() {
  const answers = await readCheckAnswers();
  if (!answers.region) redirect('/check');
  const open = firstUnanswered(answers);
  if (open) redirect(questionPath(open));
  const region = answers.region;
  return { region, result: await runCheck({ ...answers, region }) };
}

/** 估算报销: carries the region and the categories found over to /estimate, in its own draft cookie. */
export const estimateFromCheck = validatedAction(z.object({}).loose(), null, async () => {
  const { region, result } = await answersWithResult();
  const draft = await readEstimateDraft();
  await writeEstimateDraft({
    ...(draft.region === region ? draft : { episodes: [] }),
    region,
    cards: result.categories.map((c) => c.code),
    fromCheck: true,
  });
  redirect('/estimate');
});

/** 申请救助: the application wizard reads region and categories from the prefill (lib/applications/prefill.ts), never from the URL. */
export const applyFromCheck = validatedAction(z.object({}).loose(), null, async () => {
  const { region, result } = await answersWithResult();
  await writePrefill({ region, categories: result.categories.map((c) => c.code) });
  redirect(await applyPath());
});
