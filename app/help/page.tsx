import type { Metadata } from 'next';
import Link from 'next/link';
import { OtherHelp } from '@/app/_components/other-help';
import { CATEGORY_CODES, CATEGORY_TEXT, REGIONS, regionInfo } from '@/lib/calculator';
import { chineseDate, POLICY_DOCUMENTS } from '@/lib/texts/citation';
import { GLOSSARY, type GlossaryId } from '@/lib/texts/glossary';
import { DRAFT_HOURS } from '@/lib/http/sealed-cookie';

export const metadata: Metadata = { title: '使用帮助与名词解释' };

const SECTIONS = [
  { id: 'what', title: '这个网站能做什么' },
  { id: 'privacy', title: '填的内容会保存吗' },
  { id: 'elder', title: '字太小、按钮太小' },
  { id: 'terms', title: '名词解释' },
  { id: 'categories', title: '救助对象有哪些' },
  { id: 'documents', title: '依据的政策文件' },
  { id: 'contact', title: '找人帮忙' },
];

export default function HelpPage() {
  const glossary = Object.entries(GLOSSARY) as [GlossaryId, (typeof GLOSSARY)[GlossaryId]][];
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">使用帮助与名词解释</h1>
      <nav aria-label="本页目录" className="card">
        <ul className="grid gap-1 sm:grid-cols-2">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="link inline-flex items-center min-h-11 in-[.elder]:min-h-15">
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="what" className="space-y-2">
        <h2 className="text-2xl font-bold">这个网站能做什么</h2>
        <ul className="list-disc pl-5 space-y-1">
          <li>
            <Link href="/check" className="link">
              能不能救助
            </Link>
            ：回答几个问题，看看能不能得到医疗救助、要准备什么材料、去哪里办。
          </li>
          <li>
            <Link href="/estimate" className="link">
              能报多少
            </Link>
            ：照着医院的结算单填几个数，估算一年里医疗救助能帮您付多少钱。
          </li>
          <li>
            <Link href="/me" className="link">
              申请与进度
            </Link>
            ：用手机号登录后在网上申请，随时看办到哪一步。
          </li>
        </ul>
        <p>查询和估算的结果只供参考，实际能得到多少以经办部门核定为准。</p>
      </section>

      <section id="privacy" className="space-y-2">
        <h2 className="text-2xl font-bold">填的内容会保存吗</h2>
        <p>
          查询和估算不用登录。您填的内容加密后只保存在您这台手机或电脑的浏览器里，{DRAFT_HOURS} 小时后自动清除；网站不会留存。
          用的是别人的手机或公共电脑时，查完可以点结果页上的“清除”按钮。
        </p>
        <p>网址里不会出现您的任何个人信息。</p>
      </section>

      <section id="elder" className="space-y-2">
        <h2 className="text-2xl font-bold">字太小、按钮太小</h2>
        <p>点页面最上面的“长辈模式”，字和按钮都会变大；再点“退出长辈模式”就恢复。</p>
      </section>

      <section id="terms" className="space-y-3">
        <h2 className="text-2xl font-bold">名词解释</h2>
        <dl className="card divide-y divide-gray-200 p-0">
          {glossary.map(([id, g]) => (
            <div key={id} id={`term-${id}`} className="px-4 py-3">
              <dt className="font-bold">{g.term}</dt>
              <dd>{g.text}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section id="categories" className="space-y-3">
        <h2 className="text-2xl font-bold">救助对象有哪些</h2>
        <p>各地认可的救助对象不完全一样。下面是本网站涉及的各类对象，以及哪些地方的文件写到了它们。</p>
        <dl className="card divide-y divide-gray-200 p-0">
          {CATEGORY_CODES.map((code) => {
            const where = REGIONS.filter((r) => r.categories.some((c) => c.code === code)).map((r) => r.nameZh);
            return (
              <div key={code} className="px-4 py-3">
                <dt className="font-bold">{CATEGORY_TEXT[code].nameZh}</dt>
                <dd>{CATEGORY_TEXT[code].explanationZh}</dd>
                {where.length > 0 ? <dd className="text-sm text-muted">适用：{where.join('、')}</dd> : null}
              </div>
            );
          })}
        </dl>
      </section>

      <section id="documents" className="space-y-3">
        <h2 className="text-2xl font-bold">依据的政策文件</h2>
        <p>本网站的查询和估算按下面五份公开的政策文件计算。结果里写的“《上海市实施意见》第二部分（二）4”，意思是这份文件正文第二部分里的第（二）条第4点。</p>
        <ul className="space-y-3">
          {POLICY_DOCUMENTS.map((d) => (
            <li key={d.code} className="card space-y-1" data-testid={`document-${d.region}`}>
              <p className="font-bold">{d.title}</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-muted">简称</dt>
                <dd>{d.shortTitle}</dd>
                <dt className="text-muted">文号</dt>
                <dd>{d.number ?? '文件未印文号'}</dd>
                <dt className="text-muted">发文单位</dt>
                <dd>{d.issuer}</dd>
                <dt className="text-muted">成文日期</dt>
                <dd>{chineseDate(d.issued)}</dd>
                <dt className="text-muted">施行</dt>
                <dd>{d.inForce}</dd>
                <dt className="text-muted">适用</dt>
                <dd>{regionInfo(d.region).nameZh}</dd>
              </dl>
              <p>{d.covers}</p>
            </li>
          ))}
        </ul>
      </section>

      <section id="contact">
        <OtherHelp region={undefined} title="找人帮忙" />
      </section>
    </div>
  );
}
