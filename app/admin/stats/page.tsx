import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Field } from '@/app/_components/field';
import { isIsoDate } from '@/lib/calculator/dates';
import { isRegionCode, regionInfo } from '@/lib/calculator';
import { regionStats } from '@/lib/dal/stats';
import { STAFF } from '@/lib/auth/roles';
import { formatMoney, todayInShanghai } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { BarChart } from './bar-chart';
import { periodOf } from './period';

export const metadata: Metadata = { title: '统计' };

export default async function StatsPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const user = await requireUser(STAFF, '/admin/stats');
  const sp = await searchParams;
  const { period, errors } = periodOf(sp, todayInShanghai());
  const r = await regionStats(user, user.region ?? '', period);
  if (!r.ok && r.code === 'not_found') notFound();
  const info = isRegionCode(user.region) ? regionInfo(user.region) : null;
  const fieldErrors = { ...errors, ...(!r.ok ? r.fieldErrors : {}) };
  const query = new URLSearchParams({ from: period.from, to: period.to }).toString();
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">统计</h1>
        <p className="text-muted">
          {info?.nameZh ?? ''}
          {user.district ? ` · ${user.district}` : ''} · {period.from} 至 {period.to}（按提交日期；发放金额按发放日期）
        </p>
      </div>
      <form method="get" className="card grid gap-x-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label="统计期间">
        <Field name="from" label="开始日期" type="date" defaultValue={sp.from && isIsoDate(sp.from) ? sp.from : period.from} error={fieldErrors.from} />
        <Field name="to" label="结束日期" type="date" defaultValue={sp.to && isIsoDate(sp.to) ? sp.to : period.to} error={fieldErrors.to} />
        <button type="submit" className="btn btn-primary mb-5">
          查看
        </button>
      </form>
      {!r.ok ? (
        <p role="alert" className="border-l-4 border-bad bg-red-50 p-4 font-semibold text-bad">
          {r.message}
        </p>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {[
              ['提交的申请', `${r.stats.submitted} 件`],
              ['批准率', r.stats.approvalRate === null ? '—' : `${(r.stats.approvalRate * 100).toFixed(1)}%`],
              ['提交到决定（中位数）', r.stats.medianDays === null ? '—' : `${r.stats.medianDays.toFixed(1)} 天`],
              ['已发放', formatMoney(r.stats.paidFen)],
            ].map(([k, v]) => (
              <div key={k} className="card">
                <dt className="text-sm text-muted">{k}</dt>
                <dd className="text-xl font-bold break-all" data-testid={`stat-${k}`}>
                  {v}
                </dd>
              </div>
            ))}
          </dl>
          {r.stats.tables.map((t) => (
            <section key={t.key} aria-labelledby={`t-${t.key}`} className="space-y-3" data-testid={`table-${t.key}`}>
              <h2 id={`t-${t.key}`} className="text-xl font-bold">
                {t.title}
              </h2>
              {t.rows.length === 0 ? (
                <p className="card">这个期间没有数据。</p>
              ) : (
                <>
                  {t.chart && t.chart.some((b) => b.value > 0) ? <BarChart title={t.title} bars={t.chart} /> : null}
                  <div className="overflow-x-auto">
                    <table className="w-full text-left">
                      <thead>
                        <tr>
                          {t.columns.map((c) => (
                            <th key={c} scope="col" className="border-b border-gray-300 py-2 pr-4">
                              {c}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {t.rows.map((row, i) => (
                          <tr key={i}>
                            {row.map((c, j) => {
                              const cell = typeof c === 'string' ? c : formatMoney(c.fen);
                              return j === 0 ? (
                                <th key={j} scope="row" className="border-b border-gray-200 py-2 pr-4 font-normal">
                                  {cell}
                                </th>
                              ) : (
                                <td key={j} className="border-b border-gray-200 py-2 pr-4">
                                  {cell}
                                </td>
                              );
                            })}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}
              <p>
                <a className="link inline-flex min-h-11 items-center" href={`/admin/stats/export?table=${t.key}&${query}`} download>
                  下载“{t.title}”（CSV）
                </a>
              </p>
            </section>
          ))}
          <p className="text-sm text-muted">
            个人负担比例按提交时的估算（医保和医疗救助之后个人还要付的政策范围内费用）计算，目标见《{regionInfo('wuxi').document.titleZh}》第四部分（七）：县域内住院政策范围内费用个人负担不超过 10%。
          </p>
        </>
      )}
    </div>
  );
}
