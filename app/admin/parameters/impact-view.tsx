import Link from 'next/link';
import { categoryName, isRegionCode } from '@/lib/calculator';
import { staffParam } from '@/lib/calculator/params';
import { AutoRefresh } from '@/app/admin/_components/auto-refresh';
import type { ImpactRun } from '@/lib/dal/impact';
import { formatDateTime, formatMoney } from '@/lib/format';

const signed = (fen: number) => (fen > 0 ? `+${formatMoney(fen)}` : formatMoney(fen));

/** One impact run: progress while it runs, the side-by-side tables when done. */
export function ImpactView({ run, open }: { run: ImpactRun; open: boolean }) {
  const def = isRegionCode(run.region) ? staffParam(run.region, run.name) : undefined;
  const value = (v: number | null) => (v === null ? '未设定' : def?.unit === 'percent' ? `${v}%` : formatMoney(v));
  const r = run.result;
  const title = `${run.year} 年 · ${def?.descriptionZh.split('（')[0] ?? run.name}：现行 ${r ? value(r.inForceValue) : '—'} → 草稿 ${value(run.draftValue)}`;
  return (
    <details className="card space-y-3" open={open} data-testid="impact-run">
      <summary className="cursor-pointer font-semibold min-h-11">
        {title}
        <span className="block text-sm font-normal text-muted">{formatDateTime(run.createdAt)}</span>
      </summary>
      {run.status === 'running' ? (
        <p role="status">
          <AutoRefresh active />
          正在重新计算：{run.done} / {run.total} 个人年
          <progress className="block w-full" max={run.total || 1} value={run.done} />
        </p>
      ) : null}
      {run.status === 'failed' ? <p className="text-bad font-semibold">{run.error ?? '重新计算没有完成。'}</p> : null}
      {r ? (
        <>
          <p>
            {r.personYears} 份申请（人年）按现行数值和草稿各算一遍：救助合计 {formatMoney(r.totals.beforeFen)} → {formatMoney(r.totals.afterFen)}，
            <strong data-testid="impact-delta">变化 {signed(r.totals.deltaFen)}</strong>，受影响 <strong data-testid="impact-affected">{r.affected}</strong> 人。
            {r.missing.before !== r.missing.after ? ` 仍缺少参数的估算：${r.missing.before} → ${r.missing.after} 份。` : ''}
            <span className="block text-sm text-muted">用时 {r.elapsedMs} 毫秒。草稿没有发布，不影响任何估算。</span>
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm [&_td]:border-b [&_td]:border-gray-200 [&_td]:py-1.5 [&_td]:pr-3 [&_th]:py-1.5 [&_th]:pr-3">
              <caption className="text-left font-semibold">按救助类别</caption>
              <thead>
                <tr>
                  <th scope="col">类别</th>
                  <th scope="col">人数</th>
                  <th scope="col">受影响</th>
                  <th scope="col">现行</th>
                  <th scope="col">草稿</th>
                </tr>
              </thead>
              <tbody>
                {r.byCategory.map((c) => (
                  <tr key={c.category ?? 'none'}>
                    <th scope="row">{c.category ? categoryName(c.category) : '无可计算身份'}</th>
                    <td>{c.personYears}</td>
                    <td>{c.affected}</td>
                    <td>{formatMoney(c.beforeFen)}</td>
                    <td>{formatMoney(c.afterFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm [&_td]:border-b [&_td]:border-gray-200 [&_td]:py-1.5 [&_td]:pr-3 [&_th]:py-1.5 [&_th]:pr-3">
              <caption className="text-left font-semibold">按资金池</caption>
              <thead>
                <tr>
                  <th scope="col">资金池</th>
                  <th scope="col">现行</th>
                  <th scope="col">草稿</th>
                  <th scope="col">变化</th>
                </tr>
              </thead>
              <tbody>
                {r.byPool.map((p) => (
                  <tr key={p.pool}>
                    <th scope="row">{p.nameZh}</th>
                    <td>{formatMoney(p.beforeFen)}</td>
                    <td>{formatMoney(p.afterFen)}</td>
                    <td>{signed(p.afterFen - p.beforeFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.largest.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm [&_td]:border-b [&_td]:border-gray-200 [&_td]:py-1.5 [&_td]:pr-3 [&_th]:py-1.5 [&_th]:pr-3">
                <caption className="text-left font-semibold">变化最大的申请</caption>
                <thead>
                  <tr>
                    <th scope="col">申请</th>
                    <th scope="col">类别</th>
                    <th scope="col">现行</th>
                    <th scope="col">草稿</th>
                    <th scope="col">变化</th>
                  </tr>
                </thead>
                <tbody>
                  {r.largest.map((c) => (
                    <tr key={c.key}>
                      <th scope="row" className="break-all">
                        {c.source === 'application' ? (
                          <Link className="link" href={`/admin/applications/${encodeURIComponent(c.key)}`}>
                            {c.key}
                          </Link>
                        ) : (
                          `${c.key}（结算记录）`
                        )}
                      </th>
                      <td>{c.category ? categoryName(c.category) : '—'}</td>
                      <td>{formatMoney(c.beforeFen)}</td>
                      <td>{formatMoney(c.afterFen)}</td>
                      <td>{signed(c.deltaFen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <p>
            <a className="link inline-flex min-h-11 items-center" href={`/admin/parameters/impact/${run.id}/export`} download>
              下载这些表（CSV）
            </a>
          </p>
        </>
      ) : null}
    </details>
  );
}
