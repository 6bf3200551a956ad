'use server';
import { asForm } from '@/lib/action';
import { redirect } from 'next/navigation';
import type { WhatIfState } from '@/app/_components/what-if-form';
import { applyAnswer, parseAnswer, type FormValues } from '@/lib/check/parse';
import { firstUnanswered, isQuestionId, nextPath, questionPath, RESULT_PATH } from '@/lib/check/questions';
import { runCheck } from '@/lib/check/run';
import { parseWhatIf } from '@/lib/check/what-if';
import { clearDrafts, readCheckAnswers, readEstimateDraft, writeCheckAnswers, writeEstimateDraft } from '@/lib/check/store';
import { writePrefill } from '@/lib/prefill';

export type AnswerState = { error?: string; message?: string; values?: string | string[] };

function formValues(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

export async function answerQuestion(_prev: AnswerState, formData: FormData): Promise<AnswerState> {
  formData = asForm(formData);
  const id = formData.get('question');
  if (!isQuestionId(id)) return { message: '这个问题不存在，请从头开始。' };
  const current = await readCheckAnswers();
  if (id !== 'region' && !current.region) return { message: '您的回答已经过期（超过 2 小时会自动清除），请从第一个问题重新开始。' };
  const parsed = parseAnswer(id, formValues(formData), current);
  if (!parsed.ok) return { error: parsed.error, values: parsed.values };
  const next = applyAnswer(current, parsed.patch);
  if (!(await writeCheckAnswers(next))) return { message: '保存回答时出了问题，请再试一次。' };
  redirect(nextPath(id, next, formData.get('change') === '1'));
}

export async function resetCheck(): Promise<void> {
  await clearDrafts('check');
  redirect('/check');
}

/** Typed figures for parameters that staff have not set yet: a what-if, shown as such on the result. */
export async function setCheckWhatIf(_prev: WhatIfState, formData: FormData): Promise<WhatIfState> {
  formData = asForm(formData);
  const answers = await readCheckAnswers();
  if (!answers.region) redirect('/check');
  const parsed = parseWhatIf(answers.region, (f) => formData.get(f), answers.whatIf);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values: parsed.values };
  await writeCheckAnswers({ ...answers, whatIf: parsed.whatIf });
  redirect(RESULT_PATH);
}

async function answersWithResult() {
  const answers = await readCheckAnswers();
  if (!answers.region) redirect('/check');
  const open = firstUnanswered(answers);
  if (open) redirect(questionPath(open));
  const region = answers.region;
  return { region, result: await runCheck({ ...answers, region }) };
}

/** 估算报销: carries the region and the categories found over to /estimate, in its own draft cookie. */
export async function estimateFromCheck(): Promise<void> {
  const { region, result } = await answersWithResult();
  const draft = await readEstimateDraft();
  await writeEstimateDraft({
    ...(draft.region === region ? draft : { episodes: [] }),
    region,
    cards: result.categories.map((c) => c.code),
    fromCheck: true,
    whatIf: draft.region === region ? draft.whatIf : undefined,
  });
  redirect('/estimate');
}

/** 申请救助: the application wizard reads region and categories from the prefill cookie, never from the URL. */
export async function applyFromCheck(): Promise<void> {
  const { region, result } = await answersWithResult();
  await writePrefill({ region, categories: result.categories.map((c) => c.code) });
  redirect('/apply');
}
