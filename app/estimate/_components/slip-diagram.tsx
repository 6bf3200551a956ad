// Where each number sits on a typical hospital settlement slip (结算单). Drawn inline so it costs no extra request.

export const SLIP_MARKS = ['①', '②', '③', '④', '⑤'] as const;

const ROWS: { mark?: string; label: string; amount: string }[] = [
  { mark: '1', label: '医疗费总额', amount: '50,000.00' },
  { mark: '2', label: '政策范围内费用', amount: '40,000.00' },
  { mark: '3', label: '统筹基金支付', amount: '25,000.00' },
  { mark: '4', label: '大病保险支付', amount: '5,000.00' },
  { mark: '5', label: '其他补充保险支付', amount: '0.00' },
  { label: '个人现金支付', amount: '20,000.00' },
];

export function SlipDiagram() {
  return (
    <figure className="my-3">
      <svg viewBox="0 0 340 292" className="w-full max-w-md h-auto" role="img" aria-labelledby="slip-title" aria-describedby="slip-desc">
        <title id="slip-title">住院费用结算单示意图</title>
        <desc id="slip-desc">
          结算单上从上到下依次是：①医疗费总额，②政策范围内费用，③统筹基金支付，④大病保险支付，⑤其他补充保险支付，最后是个人现金支付。
        </desc>
        <rect x="1" y="1" width="338" height="290" rx="6" fill="#fffdf6" stroke="#9ca3af" />
        <text x="170" y="26" textAnchor="middle" fontSize="15" fontWeight="700" fill="#1a1a1a">
          ××医院 住院费用结算单
        </text>
        <text x="14" y="50" fontSize="11" fill="#4b5563">
          姓名：张*明　　医保类别：城乡居民医保
        </text>
        <text x="14" y="66" fontSize="11" fill="#4b5563">
          入院：2024-03-02　　出院：2024-03-10
        </text>
        <line x1="8" y1="76" x2="332" y2="76" stroke="#9ca3af" strokeDasharray="4 3" />
        {ROWS.map((r, i) => {
          const y = 84 + i * 32;
          return (
            <g key={r.label}>
              {r.mark ? <rect x="8" y={y} width="324" height="26" rx="4" fill="#fff1c2" stroke="#b45309" /> : null}
              {r.mark ? (
                <>
                  <circle cx="22" cy={y + 13} r="10" fill="#0b4ea2" />
                  <text x="22" y={y + 17.5} textAnchor="middle" fontSize="12" fontWeight="700" fill="#fff">
                    {r.mark}
                  </text>
                </>
              ) : null}
              <text x="38" y={y + 18} fontSize="13" fill="#1a1a1a" fontWeight={r.mark ? 600 : 400}>
                {r.label}
              </text>
              <text x="324" y={y + 18} textAnchor="end" fontSize="13" fill="#1a1a1a">
                {r.amount}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-muted mt-1">
        一张常见的结算单，标了 ①–⑤ 的数就是下面要填的。不同医院叫法可能不同：① 也叫“总金额”，② 也叫“符合医保范围费用”，③ 也叫“基本医疗保险支付”。
      </figcaption>
    </figure>
  );
}
