// A compact view of one calculator result: the year's assistance (with its range), what is left, each visit,
// and the trace behind a disclosure. Used on the apply review page and the application page.
import { categoryName, regionInfo, type EstimateResult } from '@/lib/calculator';
import { TraceList } from '@/app/_components/trace-list';
import { formatMoney } from '@/lib/format';

export function EstimateSummary({ result }: { result: EstimateResult }) {
  const info = regionInfo(result.region);
  const { totals } = result;
  const paramLabel = (name: string) => info.parameters.find((p) => p.name === name)?.descriptionZh ?? name;
  return (
    <div className="space-y-3">
      {result.category ? <p>按“{categoryName(result.category)}”计算（有多个身份时取最有利的一个）。</p> : null}
      {!result.computable ? (
        <p className="border-l-4 border-warn bg-amber-50 p-3">
          政策文件没有给出这种身份的救助标准，暂时无法估算，由经办部门按规定核定。
        </p>
      ) : (
        <p className="text-xl">
          预计救助 <strong className="text-2xl text-ok" data-testid="estimate-assistance">{formatMoney(totals.assistanceFen + totals.tiltFen)}</strong>
          {totals.assistanceMaxFen > totals.assistanceFen ? <span>，最高可达 {formatMoney(totals.assistanceMaxFen + totals.tiltFen)}，由经办部门核定</span> : null}
        </p>
      )}
      <p>
        其中倾斜救助 {formatMoney(totals.tiltFen)}；救助后自己还需承担 <strong>{formatMoney(totals.outOfPocketFen)}</strong>。
      </p>
      {result.missingParameters.length > 0 ? (
        <div className="border-l-4 border-warn bg-amber-50 p-3">
          <p className="font-semibold">以下标准当地还没有公布，估算没有计入：</p>
          <ul className="list-disc pl-5">
            {result.missingParameters.map((p) => (
              <li key={p}>{paramLabel(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <details>
        <summary className="link cursor-pointer py-2">计算依据</summary>
        <div className="text-sm">
          <TraceList rows={result.trace} />
        </div>
      </details>
    </div>
  );
}
