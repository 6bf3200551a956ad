import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { auditCorrectionQueueView, correctionQueue, REQUEST_STATUS_TEXT } from '@/lib/dal/my-data';
import { formatDate, todayInShanghai } from '@/lib/format';
import { decideCorrectionAction } from './actions';
import { DecideForm } from './decide-form';
import { CASE_HANDLERS } from '@/lib/auth/roles';

export const metadata: Metadata = { title: '信息更正申请' };

/** Residents' corrections of their own data (《个人信息保护法》第四十六条), for the clerks and reviewers of the area. */
export default async function RequestsPage() {
  const user = await requireUser(CASE_HANDLERS, '/admin/requests');
  const rows = await correctionQueue(user);
  await auditCorrectionQueueView(user, rows.length);
  const today = todayInShanghai();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">信息更正申请</h1>
      <p>居民认为本网站保存的信息不准确时提出。核实后在答复期限内答复：已更正（同时在办理页面改正），或不予更正并说明理由。</p>
      {rows.length === 0 ? (
        <p className="card">没有更正申请。</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((r) => (
            <li key={r.id} className="card space-y-2" data-testid={`correction-${r.ref}`}>
              <p className="font-semibold">
                {r.ref} · {REQUEST_STATUS_TEXT[r.status]}
                {r.applicationRef ? ` · 申请 ${r.applicationRef}` : ' · 账号信息'}
              </p>
              <p className={`text-sm ${r.status === 'open' && r.dueDate < today ? 'text-bad font-semibold' : 'text-muted'}`}>
                提出于 {formatDate(r.createdAt)}，答复期限 {r.dueDate}{r.status === 'open' && r.dueDate < today ? '（已超期）' : ''}
              </p>
              <p>居民写道：{r.detail}</p>
              {r.status === 'open' ? <DecideForm id={r.id} action={decideCorrectionAction.bind(null, r.id)} /> : <p>答复：{r.answer}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
