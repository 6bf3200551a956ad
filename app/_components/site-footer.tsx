import Link from 'next/link';
import { regionInfo } from '@/lib/calculator';
import { POLICY_DOCUMENTS } from '@/lib/texts/citation';
import { NOTICE_TITLE, NOTICE_VERSION } from '@/lib/texts/privacy-notice';

const TAP = 'link inline-flex items-center min-h-11 in-[.elder]:min-h-15';

export function SiteFooter() {
  return (
    <footer className="bg-white border-t border-gray-200 text-sm text-muted no-print in-[body:has(.staff-area)]:hidden" data-testid="site-footer">
      <div className="max-w-3xl mx-auto px-4 py-6 space-y-3">
        <p className="font-semibold text-ink">本网站依据的政策文件</p>
        <ul className="space-y-1">
          {POLICY_DOCUMENTS.map((d) => (
            <li key={d.code}>
              {regionInfo(d.region).nameZh}：{d.title}
              {d.number ? `（${d.number}）` : ''}
            </li>
          ))}
        </ul>
        <p>
          估算结果仅供参考，实际救助金额以经办部门核定为准。咨询请拨打 12345 政务服务便民热线或当地医保经办机构。
        </p>
        <ul className="flex flex-wrap gap-x-6">
          <li>
            <Link href="/help" className={TAP}>
              使用帮助与名词解释
            </Link>
          </li>
          <li>
            <Link href="/help#documents" className={TAP}>
              政策文件说明
            </Link>
          </li>
          <li>
            <Link href="/privacy" className={TAP}>
              {NOTICE_TITLE}（版本 {NOTICE_VERSION}）
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
