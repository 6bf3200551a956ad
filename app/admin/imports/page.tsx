import type { Metadata } from 'next';
import Link from 'next/link';
import { JobProgress } from '@/app/admin/_components/job-progress';
import { heldSettlements, type HeldRow } from '@/lib/dal/held-settlements';
import { IMPORTERS } from '@/lib/dal/settlements';
import { requestAddress } from '@/lib/http/client-address';
import { formatMoney, todayInShanghai } from '@/lib/format';
import { recentJobs } from '@/lib/jobs/queue';
import { SETTLEMENT_HEADER } from '@/lib/office/settlement-file';
import { requireUser } from '@/lib/auth/session';
import { resolveHeldAction } from './actions';
import { HeldForm } from './held-form';
import { SettlementImportForm } from './import-form';
import { BackToDesk } from '@/app/admin/_components/back-to-desk';

export const metadata: Metadata = { title: '结算记录导入（免申即享）' };

type Search = { resolved?: string; ref?: string; fen?: string; note?: string };

export default async function ImportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser([...IMPORTERS, 'auditor'], '/admin/imports');
  const said = await searchParams;
  const jobs = await recentJobs(user, ['settlement_import']);
  const held = await heldSettlements(user, await requestAddress());
  const today = todayInShanghai();
  const canImport = (IMPORTERS as readonly string[]).includes(user.role);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <BackToDesk />
        <h1 className="text-2xl font-bold">结算记录导入（免申即享）</h1>
        <p>
          已认定的低保对象、特困人员不用申请，直接获得医疗救助（003 五(八)；000 二(五)1）。导入医保结算记录后，系统按身份证号找到本人，逐人逐年按本地区的救助规则计算，直接生成“已批准，等待发放”的案件；有账号的本人会在“我的”页面看到。
        </p>
        <p className="text-sm text-muted">
          同一结算单号只导入一次：重复导入同一文件或期间重叠的文件不会重复办理；新增的结算记录会按全年重新计算，只补足差额。
        </p>
      </div>
      {canImport ? (
        <section aria-labelledby="form-h" className="space-y-3">
          <h2 id="form-h" className="text-xl font-bold">导入文件</h2>
          <p>先逐行检查整个文件：只要有一行有问题，就一行也不导入，并告诉您是第几行、错在哪里。</p>
          <SettlementImportForm header={SETTLEMENT_HEADER} defaults={{ from: `${today.slice(0, 4)}-01-01`, to: today }} />
        </section>
      ) : (
        <p className="card">您是审计员：可以查看导入记录，不能导入。</p>
      )}
      <HeldSection held={held} canResolve={canImport} said={said} />
      <section aria-labelledby="jobs-h" className="space-y-3">
        <h2 id="jobs-h" className="text-xl font-bold">最近的导入</h2>
        {jobs.length === 0 ? (
          <p className="card">还没有导入过结算记录。</p>
        ) : (
          <ul className="space-y-2">
            {jobs.map((j) => (
              <li key={j.id}>
                <JobProgress job={j} link />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

const LEVEL_TEXT: Record<number, string> = { 1: '一级', 2: '二级', 3: '三级' };

/** 待核实: rows held for a blank cell a rule depends on; the clerk fills the cells and the row is awarded like any other. */
function HeldSection({ held, canResolve, said }: { held: { rows: HeldRow[]; total: number }; canResolve: boolean; said: Search }) {
  return (
    <section aria-labelledby="held-h" className="space-y-3">
      <h2 id="held-h" className="text-xl font-bold">待核实的结算记录{held.total ? `（${held.total} 条）` : ''}</h2>
      {said.resolved ? (
        <p role="status" className="card text-ok font-semibold" data-testid="held-resolved">
          结算单 {said.resolved} 已核实。
          {said.ref ? (
            <>
              已直接办理 <Link href={`/admin/applications/${encodeURIComponent(said.ref)}`} className="link">{said.ref}</Link>，核定救助金额 {formatMoney(Number(said.fen ?? 0))}。
            </>
          ) : (
            said.note
          )}
        </p>
      ) : null}
      <p>
        结算记录里有规则要用到的项目没有填写（如按规定转诊、医院等级、就医地）时，系统不会按最有利的情况猜测，而是先放在这里，由工作人员核实后补填；补填后这条记录和其他记录一样，按规定计算并直接办理。
      </p>
      {held.rows.length === 0 ? (
        <p className="card">没有待核实的结算记录。</p>
      ) : (
        <ul className="space-y-3" data-testid="held-rows">
          {held.rows.map((r) => (
            <li key={r.id} className="card space-y-2">
              <p className="font-semibold">
                结算单 {r.settlementNo} · {r.date} · {r.kindText}
                {r.hospitalName ? ` · ${r.hospitalName}` : ''}
                {r.personMasked ? ` · ${r.personMasked}` : ' · 系统中没有此人'}
              </p>
              <p className="text-bad">待核实：{r.reason}</p>
              <p className="text-sm text-muted">
                已有的项目：{r.fields.includes('referred') ? '' : `按规定转诊 ${r.visit.referred ? '是' : '否'}；`}
                {r.fields.includes('hospitalLevel') ? '' : `医院等级 ${LEVEL_TEXT[r.visit.hospitalLevel] ?? r.visit.hospitalLevel}；`}
                {r.fields.includes('location') ? '' : `就医地 ${r.visit.location === 'local' ? '本市' : r.visit.location === 'province' ? '省内' : '外地'}`}
              </p>
              {canResolve ? <HeldForm id={r.id} fields={r.fields} action={resolveHeldAction.bind(null, r.id)} /> : null}
            </li>
          ))}
        </ul>
      )}
      {held.total > held.rows.length ? <p className="text-sm text-muted">另有 {held.total - held.rows.length} 条，处理完这些后会显示。</p> : null}
    </section>
  );
}
