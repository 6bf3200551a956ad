import type { Metadata } from 'next';
import { JobProgress } from '@/app/admin/_components/job-progress';
import { IMPORTERS } from '@/lib/dal/settlements';
import { todayInShanghai } from '@/lib/format';
import { recentJobs } from '@/lib/jobs/queue';
import { SETTLEMENT_HEADER } from '@/lib/settlements/csv';
import { requireUser } from '@/lib/session';
import { SettlementImportForm } from './import-form';
import { BackToDesk } from '@/app/admin/_components/back-to-desk';

export const metadata: Metadata = { title: '结算记录导入（免申即享）' };

export default async function ImportsPage() {
  const user = await requireUser([...IMPORTERS, 'auditor'], '/admin/imports');
  const jobs = await recentJobs(user, ['settlement_import']);
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
