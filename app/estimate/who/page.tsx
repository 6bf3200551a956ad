import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { Term } from '@/app/_components/term';
import { readEstimateDraft } from '@/lib/estimate/store';
import { estimateCategoryViews, questionView, regionName } from '@/lib/check/views';
import { fenToYuanInput } from '@/lib/format';
import { WhoForm } from '../_components/who-forms';

export const metadata: Metadata = { title: '估算：看病的人有哪些证' };

export default async function EstimateWhoPage() {
  const draft = await readEstimateDraft();
  if (!draft.region) redirect('/estimate/region');
  const view = questionView('cards', { region: draft.region });
  if (view.kind !== 'checkbox') redirect('/estimate');
  return (
    <div className="space-y-4">
      <div className="in-[.elder]:*:min-h-15">
        <BackLink href="/estimate/region" />
      </div>
      <WhoForm
        caption={`${regionName(draft.region)} · 能报多少`}
        title={view.title}
        hint={`${view.hint ?? ''}有几个身份时，按最有利的一个计算。`}
        options={estimateCategoryViews(draft.region)}
        none={view.none}
        cards={draft.cards === undefined ? [] : draft.cards.length === 0 ? ['none'] : draft.cards}
        mutualAid={draft.region === 'shanghai-mutual-aid'}
        insuredElsewhere={draft.insuredElsewhere ?? ''}
        homeDeductibleYuan={draft.homeDeductibleFen === undefined ? '' : fenToYuanInput(draft.homeDeductibleFen)}
      />
      <Term id="highest-benefit" />
    </div>
  );
}
