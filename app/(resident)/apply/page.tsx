import type { Metadata } from 'next';
import Link from 'next/link';
import { SubmitButton } from '@/app/_components/submit-button';
import { sectionStatus, SECTIONS } from '@/lib/applications/draft';
import { REGIONS } from '@/lib/calculator';
import { actingFor } from '@/lib/dal/applications';
import { listDrafts } from '@/lib/dal/drafts';
import { regionSettings } from '@/lib/dal/region-settings';
import { formatDateTime, nameForProxy, sentences } from '@/lib/format';
import { APPLY_REGIONS } from '@/lib/check/views';
import { readPrefill } from '@/lib/applications/prefill';
import { chosenRegion } from '@/lib/http/region-cookie';
import { requireUser } from '@/lib/auth/session';
import { startApplication } from './actions';
import { ConsentChoice } from '@/app/_components/consent-choice';
import { hasSensitiveConsent } from '@/lib/dal/my-data';

export const metadata: Metadata = { title: '申请医疗救助' };

const ERRORS: Record<string, string> = {
  region: '请选择申请地区。',
  forbidden: '您没有为这个人办理的授权，或授权已过期。',
  consent: '请勾选同意处理敏感个人信息后再开始申请。',
};

export default async function ApplyPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser(['resident'], '/apply');
  const params = await searchParams;
  const [drafts, consented] = await Promise.all([listDrafts(user), hasSensitiveConsent(user)]);
  const people = (await actingFor(user)).filter((p) => p.scope.includes('apply'));
  const prefill = await readPrefill();
  const wanted = prefill.region ?? (await chosenRegion()) ?? user.region ?? 'wuxi';
  // The national guideline is no place to apply: offer only the places (and the plan) that take applications.
  const region = APPLY_REGIONS.some((r) => r.code === wanted) ? wanted : undefined;
  const settings = region ? await regionSettings(region) : undefined;
  const carried = [
    ...(prefill.categories?.length ? ['救助身份'] : []),
    ...(prefill.episodes?.length ? [` ${prefill.episodes.length} 次就医记录`] : []),
  ];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">申请医疗救助</h1>
      {params.error && ERRORS[params.error] ? (
        <p role="alert" className="border-l-4 border-bad bg-red-50 p-3 text-bad font-semibold">{ERRORS[params.error]}</p>
      ) : null}
      {params.deleted ? <p role="status" className="text-ok font-semibold">草稿已删除。</p> : null}

      {drafts.length > 0 ? (
        <section className="space-y-3" aria-labelledby="drafts-title">
          <h2 id="drafts-title" className="text-xl font-bold">继续填写</h2>
          <ul className="space-y-3">
            {drafts.map((d) => {
              const done = SECTIONS.filter((s) => sectionStatus(d.draft, s.key) === 'complete').length;
              return (
                <li key={d.id} className="card flex flex-wrap items-center gap-3">
                  <div className="mr-auto">
                    <p className="font-semibold">
                      {REGIONS.find((r) => r.code === d.region)?.nameZh}的申请{d.forName ? `（为 ${nameForProxy(d.forName, ['apply'])} 代办）` : ''}
                    </p>
                    <p className="text-sm text-muted">
                      已完成 {done}/{SECTIONS.length} 项，最后保存于 {formatDateTime(d.updatedAt)}
                    </p>
                  </div>
                  <Link href={`/apply/${d.id}`} className="btn btn-primary">
                    继续填写
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section className="card space-y-4" aria-labelledby="new-title">
        <h2 id="new-title" className="text-xl font-bold">开始新的申请</h2>
        <p>申请分 5 步：申请人信息、救助身份、就医记录、收款账户、声明与授权。每一步都会自动保存，可以随时离开，换手机也能接着填。</p>
        <p>
          请准备好：身份证、低保证或特困证等救助身份证明、医院的结算单和发票（可以拍照）、申请人本人的银行卡。
        </p>
        {carried.length > 0 ? (
          <p className="border-l-4 border-ok bg-green-50 p-3" data-testid="prefill-note">
            开始申请后，会自动填入您刚才在“能不能救助”或“估算报销”里填写的{carried.join('和')}，填写时都可以修改。
          </p>
        ) : null}
        {settings?.claimDeadline ? (
          <p className="border-l-4 border-warn bg-amber-50 p-3">
            {sentences(`申请期限：${settings.claimDeadline}`)}
            {settings.demo ? <span className="text-sm text-muted">（演示数据：常见做法示例，以当地经办机构规定为准）</span> : null}
          </p>
        ) : null}
        <form action={startApplication} className="space-y-4">
          <fieldset className="space-y-2">
            <legend className="font-semibold mb-1">为谁申请</legend>
            <label className="choice">
              <input type="radio" name="for" value="self" defaultChecked={!people.some((p) => p.id === params.for)} />
              <span>为我自己申请</span>
            </label>
            {people.map((p) => (
              <label key={p.id} className="choice">
                <input type="radio" name="for" value={p.id} defaultChecked={p.id === params.for} />
                <span>
                  为 {nameForProxy(p.name, p.scope)} 代办
                  <span className="block text-sm text-muted">委托有效期至 {p.validTo}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div>
            <label htmlFor="f-region" className="block font-semibold mb-1">
              申请地区（医保参保地）或参加的计划
            </label>
            <p id="f-region-hint" className="text-sm text-muted mb-1">
              能在本网站申请的地区和计划如下。您的城市不在其中的，请到当地街道（乡镇）或医保经办机构申请。
            </p>
            <select id="f-region" name="region" defaultValue={region} aria-describedby="f-region-hint" className="input">
              {APPLY_REGIONS.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          {consented ? null : <ConsentChoice error={params.error === 'consent'} />}
          <SubmitButton pendingText="正在创建…">开始申请</SubmitButton>
        </form>
      </section>
    </div>
  );
}
