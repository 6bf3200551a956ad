import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { OtherHelp } from '@/app/_components/other-help';
import { Disclosure, Term } from '@/app/_components/term';
import { TraceList } from '@/app/_components/trace-list';
import { categoryName, regionInfo, type EligibilityResult, type PremiumSubsidy } from '@/lib/calculator';
import { citeInText } from '@/lib/texts/citation';
import { ANSWERS_PATH, firstUnanswered, questionPath } from '@/lib/check/questions';
import { runCheck } from '@/lib/check/run';
import { readCheckAnswers } from '@/lib/check/store';
import { openQuestions, verdict, type Verdict } from '@/lib/check/verdict';
import { MUTUAL_AID_FIRST, unknownStandards } from '@/lib/texts/next-steps';
import { questionView, regionDocumentLine } from '@/lib/check/views';
import { regionSettings } from '@/lib/dal/region-settings';
import { sentences } from '@/lib/format';
import { applyFromCheck, estimateFromCheck, resetCheck } from '../actions';

export const metadata: Metadata = { title: '查询结果：能不能得到医疗救助' };

const HEADLINE: Record<Verdict, { title: string; tone: string }> = {
  yes: { title: '可以得到医疗救助', tone: 'border-ok bg-green-50' },
  likely: { title: '很可能可以得到医疗救助', tone: 'border-ok bg-green-50' },
  maybe: { title: '可能可以，还要确认几件事', tone: 'border-warn bg-amber-50' },
  no: { title: '按您的回答，暂时不能得到医疗救助', tone: 'border-gray-500 bg-gray-100' },
};

function premiumText(p: PremiumSubsidy): string {
  switch (p.kind) {
    case 'full':
      return '参加城乡居民医保时，个人要交的保费由政府全额资助。';
    case 'percent':
      return `参加城乡居民医保时，政府资助个人缴费的 ${p.percent}%。`;
    case 'fixed':
      return '参加城乡居民医保时，政府给予定额资助，具体金额由当地医保部门确定。';
    case 'none':
      return '没有参保资助。';
  }
}

/** What the answers settled: conditions met or not, definitions checked; a "no" also gets the calculator's summary. */
function settled(result: EligibilityResult, v: Verdict) {
  const steps = ['in_force', 'prerequisite', 'certified', 'computed', ...(v === 'no' ? ['summary'] : [])];
  return result.trace.filter((t) => steps.includes(t.step));
}

export default async function CheckResultPage() {
  const answers = await readCheckAnswers();
  if (!answers.region) redirect(questionPath('region'));
  const open1 = firstUnanswered(answers);
  if (open1) redirect(questionPath(open1));
  const region = answers.region;
  const info = regionInfo(region);
  const result = await runCheck({ ...answers, region });
  const open = openQuestions(result, answers);
  const v = verdict(result, open);
  const settings = await regionSettings(region);
  const notes = result.trace.filter((t) => t.step === 'note');
  const unknown = unknownStandards(region, result.missingParameters);
  const hasCategories = result.categories.length > 0;

  return (
    <div className="space-y-6">
      <div className="in-[.elder]:*:min-h-15">
        <BackLink href={ANSWERS_PATH}>返回检查回答</BackLink>
      </div>
      <div className={`border-l-8 p-4 rounded ${HEADLINE[v].tone}`} data-testid="verdict" data-verdict={v}>
        <p className="text-muted">{info.nameZh} · 查询结果</p>
        <h1 className="text-2xl font-bold leading-snug">{HEADLINE[v].title}</h1>
        {region === 'shanghai-mutual-aid' ? (
          <p className="mt-2 font-semibold" data-testid="mutual-aid-first">
            {MUTUAL_AID_FIRST}
          </p>
        ) : null}
        {v === 'yes' || v === 'likely' ? (
          <p className="mt-2 text-lg">
            您可以按“<strong>{categoryName(result.primary!)}</strong>”得到{info.nameZh}的医疗救助。
          </p>
        ) : null}
        <p className="mt-2 text-sm text-muted">{regionDocumentLine(region)}。结果仅供参考，以经办部门认定为准。</p>
      </div>

      {hasCategories ? (
        <section className="space-y-3" aria-labelledby="cat-title">
          <h2 id="cat-title" className="text-xl font-bold">
            您属于哪类救助对象
          </h2>
          <ul className="space-y-3">
            {result.categories.map((c) => (
              <li key={c.code} className="card" data-testid={`category-${c.code}`}>
                <p className="text-lg font-bold">{categoryName(c.code)}</p>
                <p className={`text-sm font-semibold ${c.basis === 'certified' ? 'text-ok' : 'text-warn'}`}>
                  {c.basis === 'certified' ? '您已经有这个身份的证' : '按您的回答符合条件，还要经过部门认定'}
                </p>
                <ul className="list-disc pl-5 mt-1 space-y-1">
                  {c.reasons.map((r) => (
                    <li key={r}>{citeInText(r)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {result.categories.length > 1 ? <Term id="highest-benefit" label="有好几个身份，怎么算？" /> : null}
        </section>
      ) : null}

      {v === 'no' || v === 'maybe' ? (
        <section className="card space-y-2" aria-labelledby="why-title">
          <h2 id="why-title" className="text-xl font-bold">
            {v === 'no' ? '为什么' : '按您的回答'}
          </h2>
          <TraceList rows={settled(result, v)} className="list-disc pl-5 space-y-1" />
        </section>
      ) : null}

      {open.length > 0 || unknown ? (
        <section className="card space-y-4" aria-labelledby="missing-title">
          <h2 id="missing-title" className="text-xl font-bold">
            还不能确定的事
          </h2>
          {open.length > 0 ? (
            <ul className="space-y-3">
              {open.map((id) => {
                const q = questionView(id, answers);
                return (
                  <li key={id} data-testid={`missing-${id}`}>
                    <p className="font-semibold">{q.title}</p>
                    <p className="text-muted">为什么要知道：{q.why}</p>
                    <Link href={questionPath(id, true)} className="link inline-flex items-center min-h-11 in-[.elder]:min-h-15">
                      回答这个问题
                    </Link>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {unknown ? (
            <div className="space-y-2" data-testid="unknown-standards">
              <p className="font-semibold">还不知道的标准：</p>
              <ul className="list-disc pl-5">
                {unknown.items.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
              <p>{unknown.why}</p>
              <p>
                <strong>下一步：</strong>
                {unknown.todo}
              </p>
              {unknown.documents.length > 0 ? (
                <>
                  <p className="font-semibold">请带上：</p>
                  <ul className="list-disc pl-5">
                    {unknown.documents.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}

      {hasCategories && v !== 'no' ? (
        <>
          <section className="card space-y-2" aria-labelledby="apply-title">
            <h2 id="apply-title" className="text-xl font-bold">
              要不要申请
            </h2>
            {result.applicationRequired ? (
              <p data-testid="application-required">
                <strong>需要申请。</strong>
                看完病以后，带上下面的材料申请；也可以在本网站在线申请，或委托家人、社区工作人员代办。
              </p>
            ) : (
              <>
                <p data-testid="application-required">
                  <strong>一般不用申请（免申即享）。</strong>
                  在医院出院结算时，医保、大病保险和医疗救助会一次结清，您只付自己那部分。
                </p>
                <p className="text-muted">如果当时没有在医院直接减免（比如在外地看病），可以事后申请。</p>
                <Term id="direct" />
              </>
            )}
          </section>

          <section className="card space-y-2" aria-labelledby="premium-title">
            <h2 id="premium-title" className="text-xl font-bold">
              医保保费资助
            </h2>
            <p data-testid="premium">{premiumText(result.premiumSubsidy)}</p>
            <ul className="list-disc pl-5 text-muted">
              {result.premiumSubsidy.reasons.map((r) => (
                <li key={r}>{citeInText(r)}</li>
              ))}
            </ul>
            <Term id="premium-subsidy" />
          </section>

          {result.documents.length > 0 ? (
            <section className="card space-y-2" aria-labelledby="docs-title">
              <h2 id="docs-title" className="text-xl font-bold">
                要准备的材料
              </h2>
              <ul className="list-disc pl-5 space-y-1">
                {result.documents.map((d) => (
                  <li key={d}>{citeInText(d)}</li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="card space-y-2" aria-labelledby="where-title">
            <h2 id="where-title" className="text-xl font-bold">
              去哪里办
            </h2>
            <p>{settings.counter ?? '户籍或居住地的街道（乡镇）社区事务受理服务中心或当地医保经办机构'}，也可以在本网站在线申请。</p>
            {settings.claimDeadline ? <p>{sentences(`申请期限：${settings.claimDeadline}`)}</p> : null}
            {settings.decideWithinWorkingDays ? <p>一般在提交后 {settings.decideWithinWorkingDays} 个工作日内作出决定（不含法定节假日）。</p> : null}
            {settings.demo ? <p className="text-sm text-muted">以上办理地点和期限是常见做法示例（演示数据），以当地经办机构的规定为准。</p> : null}
          </section>

          {notes.length > 0 ? (
            <section className="card space-y-2" aria-labelledby="notes-title">
              <h2 id="notes-title" className="text-xl font-bold">
                您还可以了解
              </h2>
              <TraceList rows={notes} className="list-disc pl-5 space-y-1" />
            </section>
          ) : null}

        </>
      ) : null}

      {v !== 'yes' && v !== 'likely' ? <OtherHelp region={region} /> : null}

      <Disclosure summary="计算依据（每一步和对应的政策条款）">
        <TraceList rows={result.trace} />
      </Disclosure>

      <div className="flex flex-col sm:flex-row gap-3 no-print">
        <Link href={ANSWERS_PATH} className="btn btn-secondary">
          修改回答
        </Link>
        <form action={resetCheck}>
          <button type="submit" className="btn btn-secondary w-full sm:w-auto">
            清除我的回答
          </button>
        </form>
      </div>

      <section className="card border-l-4 border-brand space-y-3 no-print" aria-labelledby="next-title" data-testid="next-step">
        <h2 id="next-title" className="text-xl font-bold">
          下一步
        </h2>
        {hasCategories && v !== 'no' ? (
          <>
            <div className="flex flex-col sm:flex-row gap-3">
              <form action={estimateFromCheck}>
                <button type="submit" className="btn btn-primary w-full sm:w-auto">
                  估算能报多少
                </button>
              </form>
              <form action={applyFromCheck}>
                <button type="submit" className="btn btn-secondary w-full sm:w-auto">
                  申请救助
                </button>
              </form>
            </div>
            <p className="text-sm text-muted">估算会带上您的身份，不用重新选；申请需要先用手机号登录。</p>
          </>
        ) : v === 'no' ? (
          <>
            <p>
              情况有变化（比如领到了低保证、特困证，或者家里收入变少、看病花费变多）时，可以再查一次。拿不准的，请到
              {settings.counter ?? '户籍或居住地的街道（乡镇）社区事务受理服务中心或当地医保经办机构'}问一问，或拨打 12345 政务服务便民热线。
            </p>
            <div className="flex flex-col sm:flex-row gap-3">
              <Link href="/estimate" className="btn btn-secondary">
                估算医保报销后自己要付多少
              </Link>
              <Link href="/help#contact" className="btn btn-secondary">
                找人帮忙
              </Link>
            </div>
          </>
        ) : (
          <>
            <p>
              {open.length > 0 ? '先回答上面还没确定的问题；' : ''}
              {unknown ? unknown.todo : `到${settings.counter ?? '户籍或居住地的街道（乡镇）社区事务受理服务中心或当地医保经办机构'}申请，工作人员会帮您确认。`}
            </p>
            <div className="flex flex-col sm:flex-row gap-3">
              {open.length > 0 ? (
                <Link href={questionPath(open[0]!, true)} className="btn btn-primary">
                  回答还没确定的问题
                </Link>
              ) : null}
              <form action={applyFromCheck}>
                <button type="submit" className="btn btn-secondary w-full sm:w-auto">
                  在线申请救助
                </button>
              </form>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
