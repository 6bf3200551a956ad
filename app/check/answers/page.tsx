import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { monthlyAfterMedicalFen } from '@/lib/check/facts';
import { applicableQuestions, firstUnanswered, previousPath, questionPath, RESULT_PATH } from '@/lib/check/questions';
import { readCheckAnswers } from '@/lib/check/store';
import { answerText, questionView } from '@/lib/check/views';
import { formatMoney } from '@/lib/format';

export const metadata: Metadata = { title: '检查您的回答' };

export default async function CheckAnswersPage() {
  const answers = await readCheckAnswers();
  if (!answers.region) redirect(questionPath('region'));
  const open = firstUnanswered(answers);
  if (open) redirect(questionPath(open));
  const monthly = monthlyAfterMedicalFen(answers);
  return (
    <div className="space-y-6">
      <div className="in-[.elder]:*:min-h-15">
        <BackLink href={previousPath('answers', answers)} />
      </div>
      <h1 className="text-2xl font-bold">检查您的回答</h1>
      <p>看看下面的回答对不对。要改哪一项，点它右边的“修改”。</p>
      <dl className="card divide-y divide-gray-200 p-0">
        {applicableQuestions(answers).map((id) => {
          const view = questionView(id, answers);
          return (
            <div key={id} className="flex flex-wrap items-start gap-x-4 gap-y-1 px-4 py-3">
              <dt className="w-full sm:w-40 shrink-0 font-semibold">{view.summaryLabel}</dt>
              <dd className="flex-1 min-w-0" data-testid={`answer-${id}`}>
                {answerText(id, answers)}
              </dd>
              <dd className="shrink-0">
                <Link href={questionPath(id, true)} className="link inline-flex items-center min-h-11 in-[.elder]:min-h-15 px-1">
                  修改<span className="sr-only">“{view.summaryLabel}”</span>
                </Link>
              </dd>
            </div>
          );
        })}
        {monthly !== undefined ? (
          <div className="flex flex-wrap gap-x-4 gap-y-1 px-4 py-3 bg-brand-light/50">
            <dt className="w-full sm:w-40 shrink-0 font-semibold">扣除看病花费后每人每月</dt>
            <dd className="flex-1">
              约 {formatMoney(monthly)}
              <span className="block text-sm text-muted">按您填的收入减去看病自付的钱，除以人数和 12 个月算出，不用填写。</span>
            </dd>
          </div>
        ) : null}
      </dl>
      <Link href={RESULT_PATH} className="btn btn-primary w-full sm:w-auto text-lg">
        查看结果
      </Link>
    </div>
  );
}
