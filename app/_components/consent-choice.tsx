// The words of the separate consent (《个人信息保护法》第二十九条), the same on the start form and the consent page.
import Link from 'next/link';
import { NOTICE_TITLE, NOTICE_VERSION } from '@/lib/texts/privacy-notice';

export function ConsentChoice({ error }: { error?: boolean }) {
  return (
    <fieldset className="space-y-2 border-l-4 border-brand pl-3" aria-describedby={error ? 'f-consent-error' : 'f-consent-hint'}>
      <legend className="font-semibold mb-1">单独同意处理敏感个人信息</legend>
      <p id="f-consent-hint" className="text-sm">
        申请需要处理申请人的身份证号码、就医记录（健康信息）和银行账户，这些属于敏感个人信息，只用于办理医疗救助。请先阅读
        <Link href="/privacy" className="link">《{NOTICE_TITLE}》</Link>（版本 {NOTICE_VERSION}）。不同意也可以到窗口申请。
      </p>
      {error ? (
        <p id="f-consent-error" className="text-bad font-semibold">
          <span className="sr-only">错误：</span>请勾选同意后再开始申请。
        </p>
      ) : null}
      <label className="choice">
        <input id="f-consent" type="checkbox" name="consent" value="yes" />
        <span>我已阅读告知，同意为办理医疗救助处理上述敏感个人信息</span>
      </label>
    </fieldset>
  );
}
