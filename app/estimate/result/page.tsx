import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { OtherHelp } from '@/app/_components/other-help';
import { Disclosure, Term } from '@/app/_components/term';
import { TraceList } from '@/app/_components/trace-list';
import { categoryName, estimate, regionInfo } from '@/lib/calculator';
import { citeInText } from '@/lib/texts/citation';
import { billSplit, buildEstimateInput, isHeavy } from '@/lib/estimate/input';
import { readEstimateDraft } from '@/lib/estimate/store';
import { unknownStandards } from '@/lib/texts/next-steps';
import { regionName } from '@/lib/check/views';
import { parametersForYear } from '@/lib/dal/parameters';
import { regionSettings } from '@/lib/dal/region-settings';
import { formatMoney, todayInShanghai } from '@/lib/format';
import { EPISODE_KINDS, insurancePaidFen } from '@/lib/validation/episode-form';
import { applyFromEstimate, resetEstimate } from '../actions';
import { BillBar } from '../_components/bill-bar';
import { PrintButton } from '../_components/print-button';
import { PrintSummary } from '../_components/print-summary';

export const metadata: Metadata = { title: '估算结果：能报多少' };

export default async function EstimateResultPage() {
  const draft = await readEstimateDraft();
  const today = todayInShanghai();
  const built = await buildEstimateInput(draft, today, (region, year) => parametersForYear(region, year));
  if (!built.ok) {
    if (built.reason === 'who') redirect(draft.region ? '/estimate/who' : '/estimate/region');
    if (built.reason === 'invalid') redirect(`/estimate/visit/${built.index + 1}`);
    redirect('/estimate');
  }
  const { input, episodes } = built;
  const result = estimate(input);
  const info = regionInfo(input.region);
  const t = result.totals;
  const split = billSplit(episodes, result);
  const unknown = unknownStandards(input.region, result.missingParameters);
  // The staff-set figures this estimate used, each with its source; a demo row is marked 演示.
  const used = info.parameters.flatMap((def) => {
    const p = Object.prototype.hasOwnProperty.call(input.parameters, def.name) ? input.parameters[def.name] : undefined;
    return p ? [{ ...def, value: p.value, source: p.source, effectiveFrom: p.effectiveFrom, demo: p.demo === true }] : [];
  });
  const demo = used.some((p) => p.demo);
  const settings = await regionSettings(input.region);
  const tiltRows = result.trace.filter((r) => r.step === 'tilt');
  const hasRange = t.assistanceMaxFen > t.assistanceFen;
  const help = t.assistanceFen + t.tiltFen;
  const cards = draft.cards ?? [];

  return (
    <>
      <div className="space-y-6 print:hidden">
        <div className="in-[.elder]:*:min-h-15">
          <BackLink href="/estimate">修改就医记录</BackLink>
        </div>
        <div>
          <p className="text-muted">
            {regionName(input.region)} · {cards.length > 0 ? cards.map(categoryName).join('、') : '没有救助身份'} · {result.year} 年
          </p>
          <h1 className="text-2xl font-bold">估算结果</h1>
        </div>

        <section className="card border-l-8 border-ok space-y-2" aria-labelledby="total-title">
          <h2 id="total-title" className="text-lg font-semibold">
            {result.year} 年医疗救助预计帮您付
          </h2>
          {result.computable ? (
            <>
              <p className="text-3xl sm:text-4xl font-bold text-ok break-all" data-testid="total-help">
                {formatMoney(help)}
              </p>
              {hasRange ? (
                <p className="text-lg" data-testid="range">
                  预计 {formatMoney(help)}，最高可达 {formatMoney(t.assistanceMaxFen + t.tiltFen)}，由经办部门核定。
                </p>
              ) : null}
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt>其中医疗救助</dt>
                <dd data-testid="assistance">{formatMoney(t.assistanceFen)}</dd>
                <dt>倾斜救助</dt>
                <dd data-testid="tilt">{formatMoney(t.tiltFen)}</dd>
              </dl>
            </>
          ) : (
            <p className="text-lg" data-testid="not-computable">
              政策文件没有给出您这种身份的救助标准，暂时算不出来，由经办部门按规定核定。
            </p>
          )}
          <p className="text-xl pt-2 border-t border-gray-200">
            您自己还要付 <strong data-testid="out-of-pocket">{formatMoney(t.outOfPocketFen)}</strong>
            <span className="block text-sm text-muted">包括医保目录外的自费项目，这部分医保和医疗救助都不报。</span>
          </p>
        </section>

        <section className="card space-y-2" aria-labelledby="bar-title">
          <h2 id="bar-title" className="text-xl font-bold">
            医药费是怎么分的
          </h2>
          <BillBar split={split} />
        </section>

        {result.category ? (
          <p>
            按“<strong>{categoryName(result.category)}</strong>”计算。
            {cards.length > 1 ? '您有几个身份，按最有利的一个算，不重复享受。' : ''}
          </p>
        ) : null}

        <section className="space-y-3" aria-labelledby="visits-title">
          <h2 id="visits-title" className="text-xl font-bold">
            每次就医
          </h2>
          <ul className="space-y-3">
            {episodes.map((e, i) => {
              const r = result.episodes[i]!;
              const paid = insurancePaidFen(e);
              const pool = r.pool ? info.pools.find((p) => p.pool === r.pool)?.nameZh ?? r.pool : null;
              return (
                <li key={e.id} className="card space-y-2" data-testid={`episode-${e.id}`}>
                  <h3 className="font-bold text-lg">
                    第 {i + 1} 次：{EPISODE_KINDS.find((k) => k.value === e.kind)?.label}
                    <span className="block text-sm font-normal text-muted">
                      {e.date}
                      {e.endDate ? ` 至 ${e.endDate}` : ''}
                      {pool ? ` · 使用“${pool}”救助额度` : ''}
                    </span>
                  </h3>
                  <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
                    <dt>总费用</dt>
                    <dd className="text-right">{formatMoney(e.totalFen)}</dd>
                    <dt>医保等已经付的</dt>
                    <dd className="text-right">{formatMoney(paid)}</dd>
                    <dt>政策范围内自己付的</dt>
                    <dd className="text-right">{formatMoney(r.selfPayPolicyFen)}</dd>
                    <dt className="font-semibold">医疗救助</dt>
                    <dd className="text-right font-semibold text-ok" data-testid={`episode-${e.id}-assistance`}>
                      {formatMoney(r.assistanceFen)}
                    </dd>
                    <dt>倾斜救助</dt>
                    <dd className="text-right" data-testid={`episode-${e.id}-tilt`}>
                      {formatMoney(r.tiltFen)}
                    </dd>
                    <dt className="font-semibold">您自己付</dt>
                    <dd className="text-right font-semibold" data-testid={`episode-${e.id}-oop`}>
                      {formatMoney(r.outOfPocketFen)}
                    </dd>
                  </dl>
                  {r.reasons.length > 0 ? (
                    <Disclosure summary="为什么是这个数">
                      <ul className="list-disc pl-5 space-y-1">
                        {r.reasons.map((x, k) => (
                          <li key={k}>{citeInText(x)}</li>
                        ))}
                      </ul>
                    </Disclosure>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>

        {result.pools.length > 0 ? (
          <section className="card space-y-2" aria-labelledby="pools-title">
            <h2 id="pools-title" className="text-xl font-bold">
              一年的救助额度
            </h2>
            <p className="text-muted">医疗救助每年最多帮您付这么多，用完了当年就不再救助。</p>
            <Term id="annual-limit" />
            <ul className="space-y-4">
              {result.pools.map((p) => {
                const name = info.pools.find((x) => x.pool === p.pool)?.nameZh ?? p.pool;
                const share = p.limitFen ? Math.min(100, (p.usedFen / p.limitFen) * 100) : 0;
                return (
                  <li key={p.pool} data-testid={`pool-${p.pool}`}>
                    <p className="font-semibold">{name}</p>
                    {p.limitFen ? (
                      <div className="h-3 w-full rounded bg-gray-200 overflow-hidden my-1" aria-hidden="true">
                        <div className="h-full bg-ok" style={{ width: `${share}%` }} />
                      </div>
                    ) : null}
                    <dl className="grid grid-cols-3 gap-2 text-sm">
                      <div>
                        <dt className="text-muted">全年限额</dt>
                        <dd>{p.limitFen === null ? '尚未设定' : formatMoney(p.limitFen)}</dd>
                      </div>
                      <div>
                        <dt className="text-muted">已用</dt>
                        <dd data-testid={`pool-${p.pool}-used`}>{formatMoney(p.usedFen)}</dd>
                      </div>
                      <div>
                        <dt className="text-muted">还剩</dt>
                        <dd data-testid={`pool-${p.pool}-remaining`}>
                          {p.remainingFen === null ? '不封顶（暂按）' : p.remainingFen === 0 ? <strong className="text-bad">{formatMoney(0)}（已用完）</strong> : formatMoney(p.remainingFen)}
                        </dd>
                      </div>
                    </dl>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}

        {tiltRows.length > 0 ? (
          <section className="card space-y-2" aria-labelledby="tilt-title">
            <h2 id="tilt-title" className="text-xl font-bold">
              倾斜救助
            </h2>
            <p>
              一年里经过医保和医疗救助以后，自己付的钱还很多的，超过一定数额的部分再多救助一些。
              {t.tiltFen > 0 ? `这一年您可以多得到 ${formatMoney(t.tiltFen)}。` : '按您填的情况，这一年没有倾斜救助。'}
            </p>
            <Disclosure summary="倾斜救助是怎么算的">
              <TraceList rows={tiltRows} className="list-disc pl-5 space-y-1" />
            </Disclosure>
          </section>
        ) : null}

        {unknown ? (
          <section className="card space-y-3 border-l-4 border-warn" aria-labelledby="missing-title">
            <h2 id="missing-title" className="text-xl font-bold">
              还没算进去的
            </h2>
            <ul className="list-disc pl-5" data-testid="missing-parameters">
              {unknown.items.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
            <p>{unknown.why}（限额没有设定的，暂按不封顶计算。）</p>
            <p>
              <strong>下一步：</strong>
              {unknown.todo}
            </p>
          </section>
        ) : null}

        {used.length > 0 ? (
          <section className="card space-y-2" aria-labelledby="params-title" data-testid="parameters-used">
            <h2 id="params-title" className="text-xl font-bold">
              用到的当地标准
            </h2>
            <ul className="space-y-2">
              {used.map((p) => (
                <li key={p.name} data-testid={`parameter-${p.name}`}>
                  <p>
                    {p.descriptionZh}：<strong>{p.unit === 'percent' ? `${p.value}%` : formatMoney(p.value)}</strong>
                    {p.demo ? (
                      <span className="ml-2 rounded bg-amber-100 px-2 text-sm font-semibold text-warn" data-testid="demo-marker">
                        演示
                      </span>
                    ) : null}
                  </p>
                  <p className="text-sm text-muted">
                    来源：{p.source}
                    {p.effectiveFrom ? `，${p.effectiveFrom} 起执行` : ''}
                    {p.demo ? '。这是演示数据，不是当地正式公布的数字' : ''}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {demo ? <p className="text-sm text-muted">标有“演示”的标准是演示数据，不是当地正式公布的数字。</p> : null}

        {isHeavy(result) ? <OtherHelp region={input.region} title="负担还是很重？还可以找这些帮助" /> : null}

        <Disclosure summary="计算依据（每一步和对应的政策条款）">
          <TraceList rows={result.trace} />
        </Disclosure>

        <section className="space-y-3" aria-labelledby="next-title">
          <h2 id="next-title" className="text-xl font-bold">
            下一步
          </h2>
          <div className="flex flex-col sm:flex-row flex-wrap gap-3">
            {cards.length > 0 ? (
              <form action={applyFromEstimate}>
                <button type="submit" className="btn btn-primary w-full sm:w-auto">
                  申请救助
                </button>
              </form>
            ) : (
              <Link href="/check" className="btn btn-primary">
                查一查能不能救助
              </Link>
            )}
            <PrintButton />
            <Link href="/estimate" className="btn btn-secondary">
              修改就医记录
            </Link>
          </div>
          <form action={resetEstimate}>
            <button type="submit" className="link min-h-11 in-[.elder]:min-h-15">
              清除全部内容，重新估算
            </button>
          </form>
          <p data-testid="where-to-go">
            {cards.length > 0
              ? `带上医院的结算单、发票和救助身份证明，到${settings.counter ?? '户籍或居住地的街道（乡镇）社区事务受理服务中心或当地医保经办机构'}申请，也可以在本网站在线申请。`
              : `还没有救助身份的，先查一查能不能救助；拿不准的，请到${settings.counter ?? '户籍或居住地的街道（乡镇）社区事务受理服务中心或当地医保经办机构'}问一问。`}
            {settings.demo ? <span className="text-sm text-muted">（办理地点是常见做法示例，演示数据）</span> : null}
          </p>
          <p className="text-sm text-muted">估算结果仅供参考，实际救助金额以经办部门核定为准。</p>
        </section>
      </div>
      <PrintSummary result={result} episodes={episodes} cards={cards} today={today} />
    </>
  );
}
