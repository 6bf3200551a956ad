import Link from 'next/link';
import { REGIONS } from '@/lib/calculator';

export function SiteFooter() {
  return (
    <footer className="bg-white border-t border-gray-200 text-sm text-muted no-print">
      <div className="max-w-3xl mx-auto px-4 py-6 space-y-3">
        <p className="font-semibold text-ink">本网站依据的政策文件</p>
        <ul className="space-y-1">
          {REGIONS.map((r) => (
            <li key={r.code}>
              {r.nameZh}：{r.document.titleZh}
              {r.document.number ? `（${r.document.number}）` : ''}
            </li>
          ))}
        </ul>
        <p>
          估算结果仅供参考，实际救助金额以经办部门核定为准。咨询请拨打 12345 政务服务便民热线或当地医保经办机构。
        </p>
        <p>
          <Link href="/help" className="link">
            使用帮助与名词解释
          </Link>
        </p>
      </div>
    </footer>
  );
}
