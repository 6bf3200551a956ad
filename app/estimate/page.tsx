import type { Metadata } from 'next';
import Link from 'next/link';
import { categoryName, regionInfo } from '@/lib/calculator';
import { MAX_EPISODES } from '@/lib/estimate/draft';
import { readEstimateDraft } from '@/lib/estimate/store';
import { DRAFT_HOURS } from '@/lib/http/sealed-cookie';
import { regionSettings } from '@/lib/dal/region-settings';
import { EPISODE_KINDS, HOSPITAL_LEVELS } from '@/lib/validation/episode-form';
import { formatMoney, parseYuanToFen, sentences } from '@/lib/format';
import { deleteVisit, resetEstimate } from './actions';

export const metadata: Metadata = { title: '能报多少：估算医疗救助' };

const EDIT = 'link inline-flex items-center min-h-11 in-[.elder]:min-h-15 px-1';

export default async function EstimateHubPage() {
  const draft = await readEstimateDraft();
  const info = draft.region ? regionInfo(draft.region) : null;
  const whoDone = info !== null && draft.cards !== undefined;
  const settings = draft.region ? await regionSettings(draft.region) : null;
  const ready = whoDone && draft.episodes.length > 0;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold leading-tight">能报多少？</h1>
      <p className="text-lg">照着医院的结算单填几个数字，估算一年里医疗救助能帮您付多少钱、自己还要付多少。</p>
      <p className="text-muted">不用登录。填的内容只保存在这台手机或电脑上，{DRAFT_HOURS} 小时后自动清除。</p>

      <ol className="space-y-4">
        <li className="card space-y-2" aria-labelledby="who-title">
          <h2 id="who-title" className="text-xl font-bold">
            1. 地区和身份
          </h2>
          {info ? (
            <div className="flex flex-wrap items-start gap-x-4">
              <dl className="flex-1 min-w-0" data-testid="who-summary">
                <dt className="sr-only">地区</dt>
                <dd className="font-semibold">{info.nameZh}</dd>
                <dt className="sr-only">身份</dt>
                <dd>
                  {draft.cards === undefined
                    ? '还没有选身份'
                    : draft.cards.length === 0
                      ? '没有救助身份'
                      : draft.cards.map(categoryName).join('、')}
                  {draft.fromCheck ? <span className="block text-sm text-muted">来自“能不能救助”的查询结果</span> : null}
                </dd>
              </dl>
              <Link href="/estimate/region" className={EDIT}>
                修改<span className="sr-only">地区和身份</span>
              </Link>
            </div>
          ) : (
            <p>先选地区和身份，各地的救助比例不一样。</p>
          )}
          {!whoDone ? (
            <Link href={info ? '/estimate/who' : '/estimate/region'} className="btn btn-primary w-full sm:w-auto">
              {info ? '选择身份' : '开始：选择地区'}
            </Link>
          ) : null}
        </li>

        <li className="card space-y-3" aria-labelledby="visits-title">
          <h2 id="visits-title" className="text-xl font-bold">
            2. 就医记录（{draft.episodes.length} 次）
          </h2>
          {settings?.claimDeadline ? (
            <p className="text-sm border-l-4 border-warn bg-amber-50 p-2">
              {sentences(`申请期限：${settings.claimDeadline}`)}{settings.demo ? '（演示数据：常见做法示例，以当地规定为准）' : ''}
            </p>
          ) : null}
          {draft.episodes.length > 0 ? (
            <ul className="divide-y divide-gray-200" data-testid="visit-list">
              {draft.episodes.map((e, i) => {
                const kind = EPISODE_KINDS.find((k) => k.value === e.kind)?.label ?? '';
                const level = HOSPITAL_LEVELS.find((l) => l.value === e.hospitalLevel)?.label.split('、')[0] ?? '';
                const total = parseYuanToFen(e.totalYuan ?? '');
                return (
                  <li key={i} className="py-2">
                    <p className="font-semibold">
                      第 {i + 1} 次：{kind}
                    </p>
                    <p className="text-sm text-muted">
                      {e.date}
                      {e.kind === 'inpatient' && e.endDate ? ` 至 ${e.endDate}` : ''} · {level} · 总费用 {total === null ? '—' : formatMoney(total)}
                    </p>
                    <div className="flex items-center gap-6">
                      <Link href={`/estimate/visit/${i + 1}`} className={EDIT}>
                        修改<span className="sr-only">第 {i + 1} 次就医</span>
                      </Link>
                      <form action={deleteVisit}>
                        <input type="hidden" name="slot" value={i} />
                        <button type="submit" className={`${EDIT} text-bad`}>
                          删除<span className="sr-only">第 {i + 1} 次就医</span>
                        </button>
                      </form>
                    </div>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p>每次住院或门诊填一次。同一年里的几次就医一起算，才能算准一年的救助限额和倾斜救助。</p>
          )}
          {draft.episodes.length < MAX_EPISODES ? (
            <Link href="/estimate/visit/new" className={`btn ${draft.episodes.length === 0 && whoDone ? 'btn-primary' : 'btn-secondary'} w-full sm:w-auto`}>
              {draft.episodes.length === 0 ? '添加一次住院或门诊' : '再添加一次'}
            </Link>
          ) : (
            <p className="text-muted">一次最多估算 {MAX_EPISODES} 次就医。</p>
          )}
        </li>

        <li className="card space-y-2" aria-labelledby="calc-title">
          <h2 id="calc-title" className="text-xl font-bold">
            3. 看结果
          </h2>
          {ready ? (
            <Link href="/estimate/result" className="btn btn-primary w-full sm:w-auto text-lg">
              计算能报多少
            </Link>
          ) : (
            <p className="text-muted">{whoDone ? '添加至少一次就医后就可以计算。' : '选好地区和身份、添加就医记录后就可以计算。'}</p>
          )}
        </li>
      </ol>

      {draft.region || draft.episodes.length > 0 ? (
        <form action={resetEstimate}>
          <button type="submit" className="btn btn-secondary w-full sm:w-auto">
            清除全部内容，重新开始
          </button>
        </form>
      ) : null}
      <p>
        还不知道自己属于哪类救助对象？先去
        <Link href="/check" className="link">
          查一查能不能救助
        </Link>
        ，结果可以直接带过来。
      </p>
    </div>
  );
}
