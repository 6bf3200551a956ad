import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { categoryName, isCategoryCode, regionInfo, type RegionCode } from '@/lib/calculator';
import { SPECS } from '@/lib/calculator/regions';
import { recentImpacts } from '@/lib/dal/impact';
import { periodText, regionParameters, versionOn, type ParameterVersion, type RegionParameters } from '@/lib/dal/parameters';
import { formatDateTime, formatMoney, todayInShanghai } from '@/lib/format';
import { STAFF } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { ImpactView } from './impact-view';
import { VersionForm, type ParamChoice } from './version-form';
import { isWatchParam } from '@/lib/office/watch-params';
import { objectionSettings } from '@/lib/dal/region-settings';
import { ObjectionSettingsBlock } from './objection-settings';
import { isOfficeParam } from '@/lib/office/time-limits';
import { holidayYear } from '@/lib/dal/holidays';
import { localRules, regionSettings } from '@/lib/dal/region-settings';
import { rejectReasonsFor } from '@/lib/workflow/reject-reasons';
import { HolidayForm, RemoveHoliday } from './holiday-form';

export const metadata: Metadata = { title: '参数设定' };

/** The first clause of a description, as a title ("住院救助年度限额（…）" → "住院救助年度限额"). */
const short = (descriptionZh: string) => descriptionZh.split('（')[0]!;

/** 000 二(二)4 分类设定: a category's own limit is optional (the pool's limit applies without it). */
function optionalNames(region: RegionCode): Set<string> {
  return new Set(SPECS[region].pools.flatMap((p) => ('param' in p.limit ? (p.perCategory ?? []).map((c) => `${(p.limit as { param: string }).param}.${c}`) : [])));
}

const money = (unit: string, v: number) => (unit === 'fen' ? formatMoney(v) : unit === 'percent' ? `${v}%` : unit === 'years' ? `${v} 周岁` : unit === 'workdays' ? `${v} 个工作日` : String(v));
const UNIT_TEXT: Record<string, string> = { fen: '元（按分保存）', percent: '%', workdays: '工作日' };
const WEEKDAY = '日一二三四五六';
const weekday = (date: string) => `星期${WEEKDAY[new Date(`${date}T12:00:00+08:00`).getUTCDay()]}`;

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
        {def.descriptionZh.includes('（') ? ' · ' : ''}参数名 {def.name} · 单位 {UNIT_TEXT[def.unit]} · {isOfficeParam(def.name) ? '' : '条款 '}{def.source}
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

export default async function ParametersPage({ searchParams }: { searchParams: Promise<{ name?: string; year?: string }> }) {
  const user = await requireUser(STAFF, '/admin/parameters');
  const r = await regionParameters(user, user.region ?? '');
  if (!r.ok) notFound();
  const { name: preset, year: yearParam } = await searchParams;
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const year = /^\d{4}$/.test(yearParam ?? '') && Math.abs(Number(yearParam) - thisYear) <= 5 ? Number(yearParam) : thisYear;
  const [calendar, settings, rules] = await Promise.all([holidayYear(user, year), regionSettings(r.region), localRules(r.region)]);
  const days = calendar.ok ? calendar.rows : [];
  const reasons = rejectReasonsFor(r.region, rules);
  const info = regionInfo(r.region);
  const today = todayInShanghai();
  const isAdmin = user.role === 'admin';
  const optional = optionalNames(r.region);
  // The calculator's staff parameters, then the early-warning ones (they never change an estimate).
  const calc = r.defs.filter((d) => !isWatchParam(d.def.name, r.region) && !isOfficeParam(d.def.name));
  const office = r.defs.filter((d) => isOfficeParam(d.def.name));
  const watch = r.defs.filter((d) => isWatchParam(d.def.name, r.region));
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
          <p className="text-sm text-muted">只决定谁进入因病致贫返贫预警名单（000 二(三)；003 五(七)“结合实际合理确定监测标准”），不改变任何救助金额。</p>
          <ul className="space-y-3">
            {watch.map((d) => (
              <ParamCard key={d.def.name} {...d} today={today} isAdmin={isAdmin} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="office-h" id="office" className="space-y-3">
        <h2 id="office-h" className="text-xl font-bold">
          办理时限
        </h2>
        <p className="text-sm text-muted">
          文件没有规定办理时限（只要求简化申请、审核、救助金给付流程），由本地区设定。工作人员队列的计时、“已超期”筛选和告诉申请人的办结时间都按这里今天有效的数值，按下面的节假日安排数工作日。
        </p>
        <ul className="space-y-3">
          {office.map((d) => (
            <ParamCard key={d.def.name} {...d} today={today} isAdmin={isAdmin} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="holidays-h" id="holidays" className="space-y-3">
        <h2 id="holidays-h" className="text-xl font-bold">
          节假日安排（{year}年）
        </h2>
        <p className="text-sm text-muted">
          工作日 = 星期一到星期五，去掉下列放假的日子，加上调休上班的周末。每年国务院办公厅公布节假日安排后，由管理员录入。
        </p>
        <nav aria-label="选择年份" className="flex flex-wrap gap-2">
          {[year - 1, year + 1].map((y) => (
            <Link key={y} className="link inline-flex min-h-11 items-center" href={`/admin/parameters?year=${y}#holidays`}>
              {y}年
            </Link>
          ))}
        </nav>
        {days.length === 0 ? (
          <p className="card font-semibold text-bad" data-testid="no-holidays">
            {year}年还没有录入节假日安排：这一年只按星期一到星期五计算工作日。
          </p>
        ) : (
          <ul className="card divide-y" data-testid="holiday-list" aria-label={`${year}年节假日安排`}>
            {days.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <strong>{d.date}</strong> {weekday(d.date)} · {d.kind === 'holiday' ? `放假（${d.name}）` : `调休上班（${d.name}）`}
                  {d.demo ? <DemoTag /> : null}
                  <span className="block text-sm text-muted">依据：{d.source}</span>
                </span>
                {isAdmin ? <RemoveHoliday id={d.id} label={`${d.date} ${d.name}`} /> : null}
              </li>
            ))}
          </ul>
        )}
        {isAdmin ? (
          <details className="card">
            <summary className="link inline-flex min-h-11 items-center font-semibold">添加或更改一天</summary>
            <HolidayForm year={year} />
          </details>
        ) : null}
      </section>

      <section aria-labelledby="local-h" id="local-rules" className="space-y-3">
        <h2 id="local-h" className="text-xl font-bold">
          本地区规定与不予救助的原因
        </h2>
        <p className="text-sm text-muted">不予救助只能以文件条款为依据；文件没有规定的（例如申请期限）是本地区自己的规定，决定书写明是本地区规定及其依据。</p>
        <dl className="card grid gap-x-4 gap-y-2 sm:grid-cols-[8rem_1fr]">
          <dt className="font-semibold">申请期限</dt>
          <dd data-testid="claim-deadline">
            {settings.claimDeadline ? (
              <>
                {settings.claimDeadline}
                <span className="block text-sm text-muted">依据：{settings.claimDeadlineSource}</span>
              </>
            ) : (
              '本地区没有规定申请期限（不会以超过期限为由不予救助）'
            )}
          </dd>
          <dt className="font-semibold">办理地点</dt>
          <dd>{settings.counter ?? '未设定'}</dd>
        </dl>
        <ul className="space-y-2" aria-label="不予救助的原因" data-testid="reject-reasons">
          {reasons.map((x) => (
            <li key={x.code} className="card">
              <p className="font-semibold">{x.label}</p>
              <p className="text-sm text-muted">{x.clause ?? '由审核人写明原因和依据的条款'}</p>
            </li>
          ))}
        </ul>
      </section>

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
