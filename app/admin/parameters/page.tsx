import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { categoryName, isCategoryCode, regionInfo, type RegionCode } from '@/lib/calculator';
import { SPECS } from '@/lib/calculator/regions';
import { recentImpacts } from '@/lib/dal/impact';
import { periodText, regionParameters, versionOn, type ParameterVersion, type RegionParameters } from '@/lib/dal/parameters';
import { formatDateTime, formatMoney, todayInShanghai } from '@/lib/format';
import { STAFF } from '@/lib/access';
import { requireUser } from '@/lib/session';
import { ImpactView } from './impact-view';
import { VersionForm, type ParamChoice } from './version-form';
import { isWatchParam } from '@/lib/watch-params';
import { objectionSettings } from '@/lib/dal/region-settings';
import { ObjectionSettingsBlock } from './objection-settings';

export const metadata: Metadata = { title: '参数设定' };

/** The first clause of a description, as a title ("住院救助年度限额（…）" → "住院救助年度限额"). */
const short = (descriptionZh: string) => descriptionZh.split('（')[0]!;

/** 000 二(二)4 分类设定: a category's own limit is optional (the pool's limit applies without it). */
function optionalNames(region: RegionCode): Set<string> {
  return new Set(SPECS[region].pools.flatMap((p) => ('param' in p.limit ? (p.perCategory ?? []).map((c) => `${(p.limit as { param: string }).param}.${c}`) : [])));
}

const money = (unit: string, v: number) => (unit === 'fen' ? formatMoney(v) : unit === 'percent' ? `${v}%` : unit === 'years' ? `${v} 周岁` : String(v));

function DemoTag() {
  return <span className="ml-2 inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">演示数据</span>;
}

function VersionLine({ v, unit }: { v: ParameterVersion; unit: string }) {
  return (
    <>
      <strong className="break-all">{money(unit, v.value)}</strong>
      {v.demo ? <DemoTag /> : null}
      <span className="block text-sm text-muted">
        {periodText(v)} · 依据：{v.source} · 设定人：{v.setByName ?? '系统导入'} · {formatDateTime(v.createdAt)}
      </span>
    </>
  );
}

function ParamCard({ def, versions, today, isAdmin }: RegionParameters['defs'][number] & { today: string; isAdmin: boolean }) {
  const current = versionOn(versions, today);
  return (
    <li className="card space-y-2" data-testid={`param-${def.name}`}>
      <p className="font-semibold">{short(def.descriptionZh)}</p>
      <p className="text-sm text-muted break-all">
        {def.descriptionZh.slice(short(def.descriptionZh).length).replace(/^（|）$/g, '')}
        {def.descriptionZh.includes('（') ? ' · ' : ''}参数名 {def.name} · 单位 {def.unit === 'fen' ? '元（按分保存）' : '%'} · 条款 {def.source}
      </p>
      <p>{current ? <>今天有效：<VersionLine v={current} unit={def.unit} /></> : <span className="font-semibold text-bad">今天没有有效数值（缺少）</span>}</p>
      {versions.length > 0 ? (
        <details>
          <summary className="link inline-flex min-h-11 items-center">全部版本（{versions.length}）</summary>
          <ol className="space-y-2 pl-1">
            {versions.map((v) => (
              <li key={v.id}>
                <VersionLine v={v} unit={def.unit} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {isAdmin ? (
        <p>
          <Link className="link inline-flex min-h-11 items-center" href={`/admin/parameters?name=${encodeURIComponent(def.name)}#new-version`}>
            为这一项设定新版本
          </Link>
        </p>
      ) : null}
    </li>
  );
}

export default async function ParametersPage({ searchParams }: { searchParams: Promise<{ name?: string }> }) {
  const user = await requireUser(STAFF, '/admin/parameters');
  const r = await regionParameters(user, user.region ?? '');
  if (!r.ok) notFound();
  const { name: preset } = await searchParams;
  const info = regionInfo(r.region);
  const today = todayInShanghai();
  const isAdmin = user.role === 'admin';
  const optional = optionalNames(r.region);
  // The calculator's staff parameters, then the early-warning ones (they never change an estimate).
  const calc = r.defs.filter((d) => !isWatchParam(d.def.name));
  const watch = r.defs.filter((d) => isWatchParam(d.def.name));
  const required = calc.filter((d) => !optional.has(d.def.name));
  const byCategory = calc.filter((d) => optional.has(d.def.name));
  const missing = required.filter((d) => !versionOn(d.versions, today));
  const choices: ParamChoice[] = r.defs.map((d) => {
    const current = versionOn(d.versions, today);
    return { name: d.def.name, descriptionZh: d.def.descriptionZh, unit: d.def.unit, source: d.def.source, current: current ? periodText(current) : null };
  });
  const impacts = isAdmin ? await recentImpacts(user, 3) : [];
  const objection = await objectionSettings(r.region);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">参数设定</h1>
        <p className="text-muted">
          {info.nameZh} · 《{info.document.titleZh}》{info.document.number ? `（${info.document.number}）` : ''}
        </p>
        <p>
          文件交给其他部门制定的数值（年度限额、监测标准、人均可支配收入等）在这里按地区设定，每个数值都有生效日期和依据。修改不会覆盖旧值：每次都是一个新版本。估算页、接口和审核都按当年有效的版本计算。
        </p>
      </div>

      {isAdmin && r.defs.length > 0 ? (
        <p>
          <a href="#new-version" className="link inline-flex min-h-11 items-center">
            跳到“设定新版本”
          </a>
        </p>
      ) : null}

      {calc.length === 0 ? (
        <p className="card">本地区的文件规定了全部数值，估算不需要工作人员设定的参数（下面只有预警名单的参数）。</p>
      ) : missing.length > 0 ? (
        <div className="border-l-4 border-warn bg-amber-50 p-4" role="note" data-testid="missing-list">
          <p className="font-semibold">今天（{today}）还有 {missing.length} 项没有有效数值，相关估算会显示“缺少”：</p>
          <ul className="list-disc pl-5">
            {missing.map((d) => (
              <li key={d.def.name}>
                {short(d.def.descriptionZh)}（{d.def.source}）
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="card">本地区需要设定的参数今天都有有效数值。</p>
      )}

      {calc.length > 0 ? (
        <section aria-labelledby="staff-h" className="space-y-3">
          <h2 id="staff-h" className="text-xl font-bold">
            需要设定的参数
          </h2>
          <ul className="space-y-3">
            {required.map((d) => (
              <ParamCard key={d.def.name} {...d} today={today} isAdmin={isAdmin} />
            ))}
          </ul>
          {byCategory.length > 0 ? (
            <details className="space-y-3">
              <summary className="link inline-flex min-h-11 items-center font-semibold">
                按类别另设的限额（可选，{byCategory.length} 项，已设 {byCategory.filter((d) => versionOn(d.versions, today)).length} 项；000 二(二)4 “分类设定”，设了就优先于统一限额）
              </summary>
              <ul className="space-y-3">
                {byCategory.map((d) => (
                  <ParamCard key={d.def.name} {...d} today={today} isAdmin={isAdmin} />
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}

      {watch.length > 0 ? (
        <section aria-labelledby="watch-h" className="space-y-3">
          <h2 id="watch-h" className="text-xl font-bold">
            预警名单的参数
          </h2>
          <p className="text-sm text-muted">只决定谁进入因病致贫返贫预警名单（000 二(三)；003 四(七)“结合实际合理确定监测标准”），不改变任何救助金额。</p>
          <ul className="space-y-3">
            {watch.map((d) => (
              <ParamCard key={d.def.name} {...d} today={today} isAdmin={isAdmin} />
            ))}
          </ul>
        </section>
      ) : null}

      {isAdmin && r.defs.length > 0 ? (
        <section aria-labelledby="new-version-h" id="new-version" className="space-y-3">
          <h2 id="new-version-h" className="text-xl font-bold">
            设定新版本
          </h2>
          <p className="text-sm text-muted">可以先预览：按草稿把这一年的申请重新计算一遍，和现行数值对比；确认后再发布。发布和结束现行版本都会记入审计日志。</p>
          <VersionForm choices={choices} preset={preset} />
        </section>
      ) : (
        <p className="card">只有本地区的管理员可以设定参数；您可以查看。</p>
      )}

      {impacts.length > 0 ? (
        <section aria-labelledby="impact-h" className="space-y-3">
          <h2 id="impact-h" className="text-xl font-bold">
            变化预览
          </h2>
          {impacts.map((run, i) => (
            <ImpactView key={run.id} run={run} open={i === 0} />
          ))}
        </section>
      ) : null}

      <ObjectionSettingsBlock settings={objection} />

      <section aria-labelledby="fixed-h" className="space-y-3">
        <h2 id="fixed-h" className="text-xl font-bold">
          文件已规定的数值（只读）
        </h2>
        <p className="text-sm text-muted">这些数值由文件本身确定，不能在这里修改；和上面的参数一起就是本地区的全部规则。</p>
        <ul className="space-y-2" aria-label="文件已规定的数值">
          {r.fixed.map((f, i) => (
            <li key={i} className="card">
              <p>{f.noteZh}</p>
              <p className="text-sm text-muted">
                {f.unit === 'level' ? '' : `${money(f.unit, f.value)}${f.generous !== undefined && f.generous !== f.value ? ` – ${money(f.unit, f.generous)}` : ''} · `}
                {f.categories ? `${f.categories.map((c) => (isCategoryCode(c) ? categoryName(c) : c)).join('、')} · ` : ''}条款 {f.source} · {f.from} 起{f.to ? `至 ${f.to}` : ''}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
