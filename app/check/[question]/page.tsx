import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { Disclosure, Term } from '@/app/_components/term';
import type { CheckAnswers } from '@/lib/check/answers';
import { ANSWERS_PATH, applies, firstUnanswered, isQuestionId, previousPath, questionPath } from '@/lib/check/questions';
import { readCheckAnswers } from '@/lib/check/store';
import { formValue, questionView, regionName } from '@/lib/check/views';
import { chosenRegion } from '@/lib/http/region-cookie';
import { QuestionForm } from '../_components/question-form';

type Props = { params: Promise<{ question: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { question } = await params;
  if (!isQuestionId(question)) return {};
  return { title: questionView(question, await readCheckAnswers()).title };
}

export default async function QuestionPage({ params, searchParams }: Props) {
  const { question } = await params;
  if (!isQuestionId(question)) notFound();
  const change = (await searchParams).change === '1';
  const answers: CheckAnswers = await readCheckAnswers();
  if (question !== 'region' && !answers.region) redirect(questionPath('region'));
  if (!applies(question, answers)) {
    const open = firstUnanswered(answers);
    redirect(open ? questionPath(open) : ANSWERS_PATH);
  }

  const view = questionView(question, answers);
  let value = formValue(question, answers);
  if (question === 'region' && !value) value = (await chosenRegion()) ?? '';
  const caption = answers.region && question !== 'region' ? `${regionName(answers.region)} · 能不能救助` : '能不能救助';

  return (
    <div>
      <div className="in-[.elder]:*:min-h-15">
        <BackLink href={change ? ANSWERS_PATH : previousPath(question, answers)} />
      </div>
      <QuestionForm key={question} view={view} value={value} change={change} caption={caption}>
        {view.kind === 'checkbox' && view.explain.length > 0 ? (
          <Disclosure summary="这些证分别是给什么人的？">
            <dl className="space-y-2">
              {view.explain.map((e) => (
                <div key={e.label}>
                  <dt className="font-semibold">{e.label}</dt>
                  <dd className="text-muted">{e.text}</dd>
                </div>
              ))}
            </dl>
          </Disclosure>
        ) : null}
        {(view.terms ?? []).map((t) => (
          <Term key={t} id={t} />
        ))}
      </QuestionForm>
    </div>
  );
}
