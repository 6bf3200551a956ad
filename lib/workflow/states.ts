// The application's statuses in plain words, and the notice texts that go with them. Which verb moves an
// application from which states to which, and who may use it, is declared in the verb's own file (./verbs/<verb>.ts).
import type { ApplicationStatus, Role } from '@/db/schema';
import type { TransitionName } from './verbs';
import { formatMoney, sentences } from '@/lib/format';

export type Actor = 'applicant' | Role;

/** A verb's name; each verb, with its row of the state machine, is one file in ./verbs. */
export type { TransitionName } from './verbs';

/** Status in plain words, with what the person should do now. */
export const STATUS_TEXT: Record<ApplicationStatus, { label: string; tone: 'info' | 'action' | 'ok' | 'bad' | 'muted'; next: string }> = {
  draft: { label: '草稿（未提交）', tone: 'muted', next: '继续填写，检查无误后提交。' },
  submitted: { label: '已提交，等待受理', tone: 'info', next: '工作人员会检查材料是否齐全，您暂时不需要做什么。' },
  accepted: { label: '已受理', tone: 'info', next: '材料齐全，已进入办理流程，您暂时不需要做什么。' },
  in_review: { label: '审核中', tone: 'info', next: '工作人员正在审核，您暂时不需要做什么。' },
  needs_info: { label: '需要补正材料', tone: 'action', next: '请按下面的要求补充说明或上传材料，提交后继续审核。' },
  approved: { label: '已批准，等待发放', tone: 'ok', next: '救助金将发放到您填写的银行账户，请留意到账。' },
  paid: { label: '救助金已发放', tone: 'ok', next: '办理完毕。如未收到款项，请联系经办窗口。' },
  rejected: { label: '不予救助', tone: 'bad', next: '请查看原因。如有异议，可以联系经办窗口或拨打 12345。' },
  withdrawn: { label: '已撤回', tone: 'muted', next: '申请已撤回，不会再办理。需要时可以重新申请。' },
  transferred: { label: '已转办', tone: 'info', next: '申请已转给更合适的地区或部门办理，请查看说明。' },
};

/** What happens after a 免申即享 case: no bank account was given by the person, the office pays as it pays the certified. */
export const DIRECT_AWARD_NEXT = '经办部门会按规定把救助金发放给您，您不需要再做什么。如有疑问，请联系经办窗口。';

export const DECIDED: readonly ApplicationStatus[] = ['approved', 'paid', 'rejected', 'withdrawn', 'transferred'];

/**
 * The notice text of a transition: the decided amount, or what staff wrote (a message or a reason), then what
 * happens next. Built with `sentences()`, so a staff text ending in "。" never gives "。。".
 */
export function transitionNoticeBody(name: TransitionName, to: ApplicationStatus, input: { amountFen?: number; text?: string | null }): string {
  const next = STATUS_TEXT[to].next;
  if (name === 'approve') return sentences(`核定救助金额 ${formatMoney(input.amountFen ?? 0)}`, next);
  if (name === 'direct_award') return sentences(`您是已认定的救助对象，按规定不用申请，已为您直接办理医疗救助，核定救助金额 ${formatMoney(input.amountFen ?? 0)}`, DIRECT_AWARD_NEXT);
  return sentences(input.text, next);
}

/**
 * What happens next, addressed to whoever reads it: the applicant ("您") or a proxy acting for them, who is
 * told whose account and whose money it is (the applicant's, never the proxy's).
 */
export function nextStepText(status: ApplicationStatus, proxyFor: string | null): string {
  if (!proxyFor) return STATUS_TEXT[status].next;
  const who = proxyFor;
  const text: Record<ApplicationStatus, string> = {
    draft: `继续为 ${who} 填写，检查无误后提交。`,
    submitted: '工作人员会检查材料是否齐全，暂时不需要做什么。',
    accepted: '材料齐全，已进入办理流程，暂时不需要做什么。',
    in_review: '工作人员正在审核，暂时不需要做什么。',
    needs_info: `请按下面的要求为 ${who} 补充说明或上传材料，提交后继续审核。`,
    approved: `救助金将发放到 ${who} 本人的银行账户（申请时填写的账户），请提醒 ${who} 留意到账。`,
    paid: `办理完毕，救助金已发到 ${who} 本人的银行账户。如未收到款项，请联系经办窗口。`,
    rejected: `请查看原因。${who} 如有异议，可以联系经办窗口或拨打 12345。`,
    withdrawn: `申请已撤回，不会再办理。需要时可以重新为 ${who} 申请。`,
    transferred: '申请已转给更合适的地区或部门办理，请查看说明。',
  };
  return text[status];
}
