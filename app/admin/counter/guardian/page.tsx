import type { Metadata } from 'next';
import { BackLink } from '@/app/_components/back-link';
import { defaultValidTo } from '@/lib/authority/states';
import { todayInShanghai } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { guardianAction } from '../actions';
import { GuardianForm } from '../forms';

export const metadata: Metadata = { title: '登记监护人' };

export default async function GuardianPage() {
  await requireUser(['clerk'], '/admin/counter/guardian');
  return (
    <div className="space-y-6">
      <BackLink href="/admin/counter">窗口代录</BackLink>
      <h1 className="text-2xl font-bold">登记监护人</h1>
      <p>为无法自己表示同意的人（如无民事行为能力）登记监护人：核对双方身份证和监护证明原件，上传监护证明。登记后委托立即生效，监护人用登记的手机号登录网站，可以为被监护人提交申请、查看进度、回复补正、接收通知；变更收款账户仍须到窗口办理。</p>
      <section className="card space-y-3" aria-labelledby="g-title">
        <h2 id="g-title" className="text-xl font-bold">监护人信息</h2>
        <GuardianForm action={guardianAction} defaultTo={defaultValidTo(todayInShanghai())} />
      </section>
    </div>
  );
}
