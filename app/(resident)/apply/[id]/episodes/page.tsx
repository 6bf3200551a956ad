import type { Metadata } from 'next';
import Link from 'next/link';
import { EPISODE_KINDS } from '@/lib/validation/episode-form';
import { parseYuanToFen, formatMoney } from '@/lib/format';
import { removeEpisodeAction } from '../../actions';
import { DraftHeader } from '../../draft-header';
import { loadDraftPage } from '../load';

export const metadata: Metadata = { title: '就医记录' };

export default async function EpisodesStep({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, forName } = await loadDraftPage(id);
  return (
    <>
      <DraftHeader id={id} title="就医记录" forName={forName} intro="每次住院或每次门诊填一条，照着医院的结算单填写，并拍照上传结算单和发票。同一份申请只能包含同一年的就医。" />
      {draft.episodes.length > 0 ? (
        <ul className="space-y-3 mb-6">
          {draft.episodes.map((e, i) => {
            const total = parseYuanToFen(e.values.totalYuan ?? '');
            return (
              <li key={i} className="card space-y-2">
                <p className="font-semibold">
                  第 {i + 1} 次：{e.values.hospitalName || '（未填医院）'}，{EPISODE_KINDS.find((k) => k.value === e.values.kind)?.label ?? '类型未选'}
                </p>
                <p className="text-sm text-muted">
                  {e.values.date || '日期未填'}
                  {total !== null ? `，总费用 ${formatMoney(total)}` : ''}
                </p>
                {!e.complete ? <p className="text-warn font-semibold">还没有填完整</p> : null}
                <div className="flex flex-wrap gap-3">
                  <Link href={`/apply/${id}/episodes/${i}`} className="btn btn-secondary">
                    修改或上传结算单
                  </Link>
                  <form action={removeEpisodeAction}>
                    <input type="hidden" name="draftId" value={id} />
                    <input type="hidden" name="index" value={i} />
                    <button type="submit" className="btn btn-secondary">
                      删除这次
                    </button>
                  </form>
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="card mb-6">还没有添加就医记录。</p>
      )}
      <div className="flex flex-wrap gap-3">
        <Link href={`/apply/${id}/episodes/new`} className="btn btn-primary">
          添加一次就医
        </Link>
        {draft.episodes.length > 0 ? (
          <Link href={`/apply/${id}`} className="btn btn-secondary">
            完成，回到任务清单
          </Link>
        ) : null}
      </div>
    </>
  );
}
