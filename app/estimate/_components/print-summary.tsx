// The one-page summary that printing (or "save as PDF") produces: date, inputs, amounts and the clauses behind them.
import { categoryName, regionInfo, type CategoryCode, type EpisodeInput, type EstimateResult } from '@/lib/calculator';
import { citeClause } from '@/lib/texts/citation';
import { regionDocumentLine } from '@/lib/check/views';
import { formatMoney } from '@/lib/format';
import { EPISODE_KINDS, HOSPITAL_LEVELS, insurancePaidFen, LOCATIONS } from '@/lib/validation/episode-form';

const cell = 'border border-gray-400 px-1 py-0.5';

const label = (list: readonly { value: string; label: string }[], v: string) => list.find((x) => x.value === v)?.label.split('（')[0]?.split('、')[0] ?? v;

export function PrintSummary({ result, episodes, cards, today }: {
  result: EstimateResult;
  episodes: readonly EpisodeInput[];
  cards: readonly CategoryCode[];
  today: string;
}) {
  const info = regionInfo(result.region);
  const t = result.totals;
  const clauses = [...new Set(result.trace.map((r) => r.source).filter(Boolean))].map(citeClause);
  return (
    <section className="hidden print:block text-[11px] leading-snug space-y-2" data-testid="print-summary">
      <h1 className="text-base font-bold">医疗救助估算单（{result.year} 年）</h1>
      <p>
        打印日期：{today}　地区：{info.nameZh}　身份：{cards.length > 0 ? cards.map(categoryName).join('、') : '无'}
        {result.category ? `（按“${categoryName(result.category)}”计算）` : ''}
      </p>
      <p>{regionDocumentLine(result.region)}。</p>
      <table className="w-full border-collapse">
        <caption className="text-left font-semibold">填写的结算单（元）</caption>
        <HeaderRow titles={['次', '类型', '日期', '医院', '地点', '转诊', '总费用', '政策范围内', '医保等已付']} />
        <tbody>
          {episodes.map((e, i) => (
            <tr key={e.id}>
              <td className={cell}>{i + 1}</td>
              <td className={cell}>{label(EPISODE_KINDS, e.kind)}</td>
              <td className={cell}>
                {e.date}
                {e.endDate ? ` 至 ${e.endDate}` : ''}
              </td>
              <td className={cell}>{label(HOSPITAL_LEVELS, String(e.hospitalLevel))}</td>
              <td className={cell}>{label(LOCATIONS, e.location ?? 'local')}</td>
              <td className={cell}>{e.referred ? '是' : '否'}</td>
              <td className={cell}>{formatMoney(e.totalFen)}</td>
              <td className={cell}>{formatMoney(e.policyFen)}</td>
              <td className={cell}>{formatMoney(insurancePaidFen(e))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full border-collapse">
        <caption className="text-left font-semibold">估算结果（元）</caption>
        <HeaderRow titles={['次', '政策范围内自付', '医疗救助', '倾斜救助', '个人负担']} />
        <tbody>
          {result.episodes.map((r, i) => (
            <tr key={r.id}>
              <td className={cell}>{i + 1}</td>
              <td className={cell}>{formatMoney(r.selfPayPolicyFen)}</td>
              <td className={cell}>{formatMoney(r.assistanceFen)}</td>
              <td className={cell}>{formatMoney(r.tiltFen)}</td>
              <td className={cell}>{formatMoney(r.outOfPocketFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm font-bold">
        全年预计医疗救助 {formatMoney(t.assistanceFen)}
        {t.assistanceMaxFen > t.assistanceFen ? `（最高可达 ${formatMoney(t.assistanceMaxFen)}）` : ''}，倾斜救助 {formatMoney(t.tiltFen)}，个人仍需负担{' '}
        {formatMoney(t.outOfPocketFen)}（含目录外费用）。
      </p>
      {result.pools.length > 0 ? (
        <p>
          救助额度：
          {result.pools
            .map((p) => `${info.pools.find((x) => x.pool === p.pool)?.nameZh ?? p.pool} 已用 ${formatMoney(p.usedFen)}${p.remainingFen === null ? '（限额未设定）' : `，还剩 ${formatMoney(p.remainingFen)}`}`)
            .join('；')}
        </p>
      ) : null}
      {result.missingParameters.length > 0 ? (
        <p>尚未设定、未计入的标准：{result.missingParameters.map((n) => info.parameters.find((p) => p.name === n)?.descriptionZh ?? n).join('；')}</p>
      ) : null}
      <p>依据条款：{clauses.join('、')}</p>
      <p>本估算仅供参考，实际救助金额以经办部门核定为准。咨询：12345 政务服务便民热线或当地医保经办机构。</p>
    </section>
  );
}

function HeaderRow({ titles }: { titles: string[] }) {
  return (
    <thead>
      <tr>
        {titles.map((h) => (
          <th key={h} className={`${cell} text-left`}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
