import type { Metadata } from 'next';
import Link from 'next/link';
import { firstUnanswered, questionPath, ANSWERS_PATH } from '@/lib/check/questions';
import { readCheckAnswers } from '@/lib/check/store';
import { DRAFT_HOURS } from '@/lib/http/sealed-cookie';
import { resetCheck } from './actions';

export const metadata: Metadata = { title: '能不能得到医疗救助' };

export default async function CheckStartPage() {
  const answers = await readCheckAnswers();
  const started = answers.region !== undefined;
  const resume = started ? (firstUnanswered(answers) ? questionPath(firstUnanswered(answers)!) : ANSWERS_PATH) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold leading-tight">能不能得到医疗救助？</h1>
      <p className="text-lg">
        回答几个简单的问题，大约 2 分钟，就能知道您或家人能不能得到重特大疾病医疗救助、能得到哪些帮助、要准备什么材料。
      </p>
      <section className="card space-y-2" aria-labelledby="need-title">
        <h2 id="need-title" className="text-xl font-bold">
          可能会问到
        </h2>
        <ul className="list-disc pl-5 space-y-1">
          <li>户口和医保在哪里（看户口簿、社保卡就知道）</li>
          <li>家里已经有的证，比如低保证、特困证</li>
          <li>在上海：去年全家的收入、最近一年看病自己付的钱，填个大概数就行</li>
        </ul>
        <p className="text-muted">替家人查询时，请按看病的人的情况回答。</p>
      </section>
      <p>
        不用登录。您的回答只保存在这台手机或电脑上，{DRAFT_HOURS} 小时后自动清除，网站不会留存。
      </p>
      {resume ? (
        <div className="flex flex-col sm:flex-row gap-3">
          <Link href={resume} className="btn btn-primary">
            继续上次的回答
          </Link>
          <form action={resetCheck}>
            <button type="submit" className="btn btn-secondary w-full sm:w-auto">
              清除回答，重新开始
            </button>
          </form>
        </div>
      ) : (
        <Link href="/check/region" className="btn btn-primary w-full sm:w-auto text-lg">
          开始
        </Link>
      )}
    </div>
  );
}
