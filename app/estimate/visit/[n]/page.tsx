import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { Term } from '@/app/_components/term';
import { MAX_EPISODES } from '@/lib/estimate/draft';
import { readEstimateDraft } from '@/lib/estimate/store';
import { regionName } from '@/lib/check/views';
import { todayInShanghai } from '@/lib/format';
import { SlipDiagram } from '../../_components/slip-diagram';
import { VisitForm } from '../../_components/visit-form';

type Props = { params: Promise<{ n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n } = await params;
  return { title: n === 'new' ? '估算：添加一次就医' : `估算：修改第 ${n} 次就医` };
}

export default async function VisitPage({ params }: Props) {
  const { n } = await params;
  const draft = await readEstimateDraft();
  if (!draft.region) redirect('/estimate/region');
  const isNew = n === 'new';
  const index = isNew ? draft.episodes.length : Number(n) - 1;
  if (!isNew && !(Number.isInteger(index) && index >= 0 && index < draft.episodes.length)) notFound();
  if (isNew && draft.episodes.length >= MAX_EPISODES) redirect('/estimate');
  return (
    <div>
      <div className="in-[.elder]:*:min-h-15">
        <BackLink href="/estimate" />
      </div>
      <VisitForm
        slot={isNew ? 'new' : String(index)}
        title={
          <>
            <p className="text-muted">{regionName(draft.region)} · 能报多少</p>
            <h1 className="text-2xl font-bold mb-2">{isNew ? `添加第 ${index + 1} 次就医` : `修改第 ${index + 1} 次就医`}</h1>
            <p className="mb-4">拿出这次住院或门诊的结算单，照着填。</p>
          </>
        }
        saved={isNew ? {} : draft.episodes[index]!}
        today={todayInShanghai()}
        askOffsite={draft.region === 'shanghai'}
        askSpecialDisease={draft.region === 'chongqing-shapingba'}
        slip={<SlipDiagram />}
        terms={{
          kind: <Term id="special-disease" label="什么是“门诊慢特病”？" />,
          level: <Term id="hospital-level" />,
          referral: <Term id="referral" />,
          offsite: <Term id="offsite-filing" />,
          special: <Term id="special-disease" />,
          money: (
            <>
              <Term id="policy-cost" />
              <Term id="basic-insurance" label="什么是“统筹基金支付”？" />
              <Term id="critical-insurance" />
            </>
          ),
        }}
      />
    </div>
  );
}
