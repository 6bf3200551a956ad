import type { Metadata } from 'next';
import { maskName } from '@/lib/format';
import { DeclarationForm } from '../../forms';
import { saveStepAction } from '../../actions';
import { DraftHeader } from '../../draft-header';
import { loadDraftPage } from '../load';

export const metadata: Metadata = { title: '声明与授权' };

export default async function DeclarationStep({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, forName } = await loadDraftPage(id);
  return (
    <>
      <DraftHeader id={id} title="声明与授权" forName={forName} intro={forName ? `请和 ${maskName(forName)} 一起逐项阅读，按本人的意愿勾选。三项分开同意；本人可以不同意，但那样经办部门无法审核申请。` : '请逐项阅读并勾选。三项分开同意，您可以不同意，但那样经办部门无法审核申请。'} />
      <DeclarationForm action={saveStepAction.bind(null, id, 'declaration')} saved={draft.declaration?.values} />
    </>
  );
}
