import Link from 'next/link';
import { chooseRegion } from '@/app/actions';
import { SubmitButton } from '@/app/_components/submit-button';
import { REGIONS } from '@/lib/calculator';
import { regionDocument } from '@/lib/texts/citation';
import { regionKind } from '@/lib/check/views';
import { chosenRegion } from '@/lib/http/region-cookie';

const ENTRIES = [
  { href: '/check', title: '能不能救助', text: '回答几个简单问题，看看您或家人是否属于医疗救助对象。' },
  { href: '/estimate', title: '能报多少', text: '照着医院结算单填几个数字，估算医疗救助能帮您付多少钱。' },
  { href: '/me', title: '申请与进度', text: '在线提交救助申请，随时查看办理到哪一步。' },
];

export default async function HomePage() {
  const region = await chosenRegion();
  const current = REGIONS.find((r) => r.code === region);
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold leading-tight">重特大疾病医疗救助</h1>
        <p>生了大病、住了院，医保报销以后自己还要付很多钱的困难家庭，可以申请医疗救助。</p>
        <p>在这里可以查自己能不能得到救助、估算能报多少，并在网上提交申请、查看进度。</p>
        <p>查询和估算不需要登录，也不会保存您填写的内容。</p>
      </section>

      <nav aria-label="主要服务" className="grid gap-4 sm:grid-cols-3">
        {ENTRIES.map((e) => (
          <Link key={e.href} href={e.href} className="card block no-underline hover:ring-2 hover:ring-brand min-h-[7rem]">
            <span className="block text-xl font-bold text-brand">{e.title} →</span>
            <span className="block mt-1 text-muted">{e.text}</span>
          </Link>
        ))}
      </nav>

      <section className="card space-y-3" aria-labelledby="region-title">
        <h2 id="region-title" className="text-xl font-bold">
          选择您参保或户籍所在的地区（或参加的计划）
        </h2>
        {current ? (
          <p role="status">
            当前{regionKind(current.code)}：<strong>{current.nameZh}</strong>（依据{regionDocument(current.code).title}）
          </p>
        ) : (
          <p>各地的救助比例和条件不同，选好地区后，查询和估算会按当地政策计算。</p>
        )}
        <form action={chooseRegion} className="space-y-2">
          <fieldset className="space-y-2">
            <legend className="sr-only">地区或计划</legend>
            {REGIONS.map((r) => (
              <label key={r.code} className="choice">
                <input type="radio" name="region" value={r.code} defaultChecked={r.code === region} required />
                <span>
                  <span className="font-semibold">
                    {r.nameZh}
                    {regionKind(r.code) === '计划' ? <span className="font-normal text-muted">（计划，不是地区：参加并缴费的人适用）</span> : null}
                  </span>
                  <span className="block text-sm text-muted">{regionDocument(r.code).title}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <SubmitButton pendingText="正在保存…">确定地区</SubmitButton>
        </form>
      </section>
    </div>
  );
}
