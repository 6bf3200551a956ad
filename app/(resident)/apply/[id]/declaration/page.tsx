import type { Metadata } from 'next';
import { nameForProxy } from '@/lib/format';
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
      <DraftHeader id={id} title="声明与授权" forName={forName} intro={forName ? `这三项是 ${nameForProxy(forName, ['apply'])} 本人的承诺和同意：请和本人一起逐项阅读，按本人的意愿勾选；本人可以不同意，但那样经办部门无法审核申请。本人不能一起阅读时（住院、行动不便），您的委托已包括“提交申请”，可以按本人事先告诉您的意愿代为勾选；如果本人没有表达过意愿，请不要勾选，改为上传本人签字的委托书，或到经办窗口办理。本人无法表达意愿（无民事行为能力）的，由监护人带监护证明到经办窗口登记为监护人；登记后，监护人可以在这里代本人勾选，并对所填内容负责。` : '请逐项阅读并勾选。三项分开同意，您可以不同意，但那样经办部门无法审核申请。'} />
      <DeclarationForm action={saveStepAction.bind(null, id, 'declaration')} saved={draft.declaration?.values} />
    </>
  );
}
