import type { Metadata } from 'next';
import { BackLink } from '@/app/_components/back-link';
import { readCheckAnswers } from '@/lib/check/store';
import { readEstimateDraft } from '@/lib/estimate/store';
import { questionView } from '@/lib/check/views';
import { chosenRegion } from '@/lib/http/region-cookie';
import { RegionForm } from '../_components/who-forms';

export const metadata: Metadata = { title: '估算：看病报销的地方' };

export default async function EstimateRegionPage() {
  const draft = await readEstimateDraft();
  const value = draft.region ?? (await readCheckAnswers()).region ?? (await chosenRegion()) ?? '';
  const view = questionView('region', {});
  return (
    <div>
      <div className="in-[.elder]:*:min-h-15">
        <BackLink href="/estimate" />
      </div>
      <RegionForm title={view.title} hint={view.hint} options={view.kind === 'radio' ? view.options : []} value={value} />
    </div>
  );
}
