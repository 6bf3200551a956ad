// The application state machine: the one table of which verb moves an application from which states to
// which, and who may use it. Only these transitions exist; each verb's effects are in ./verbs/<verb>.ts.
import type { ApplicationStatus, Role } from '@/db/schema';
import { formatMoney, sentences } from '@/lib/format';

export type Actor = 'applicant' | Role;

export const TRANSITIONS = {
  // A clerk submits what they filed at the counter (窗口代录) for a person without an account.
  submit: { from: ['draft'], to: 'submitted', by: ['applicant', 'clerk'] },
  // A reviewer may accept too (small offices); four eyes then keeps them from deciding it (verbs/common.ts).
  accept: { from: ['submitted'], to: 'accepted', by: ['clerk', 'reviewer'] },
  request_info: { from: ['accepted', 'in_review'], to: 'needs_info', by: ['clerk', 'reviewer'] },
  start_review: { from: ['accepted'], to: 'in_review', by: ['reviewer'] },
  answer: { from: ['needs_info'], to: 'in_review', by: ['applicant'] },
  approve: { from: ['in_review'], to: 'approved', by: ['reviewer'] },
  reject: { from: ['submitted', 'accepted', 'in_review', 'needs_info'], to: 'rejected', by: ['clerk', 'reviewer'] },
  withdraw: { from: ['submitted', 'accepted', 'in_review', 'needs_info'], to: 'withdrawn', by: ['applicant'] },
  transfer: { from: ['submitted', 'accepted', 'in_review'], to: 'transferred', by: ['clerk', 'reviewer'] },
  record_payment: { from: ['approved'], to: 'paid', by: ['clerk', 'reviewer', 'admin'] },
  // 免申即享 (003 五(八), 000 二(五)1): certified 低保/特困 people get assistance without applying; the settlement
  // import creates the case as a draft nobody else can see and this verb approves it in the same transaction.
  direct_award: { from: ['draft'], to: 'approved', by: ['clerk', 'reviewer', 'admin'] },
  // The bank returned the transfer: the case stays approved, the ledger shows the failure, and it is paid again.
  record_payment_failure: { from: ['approved'], to: 'approved', by: ['clerk', 'reviewer', 'admin'] },
  // A wrong decided amount found before payment: adjustment rows in the ledger, the case stays approved.
  correct_amount: { from: ['approved'], to: 'approved', by: ['reviewer'] },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: readonly Actor[] }>;

export type TransitionName = keyof typeof TRANSITIONS;

export type TransitionCheck = { ok: true; to: ApplicationStatus } | { ok: false; message: string };

export function checkTransition(name: TransitionName, from: ApplicationStatus, actor: Actor): TransitionCheck {
  const rule = TRANSITIONS[name];
  if (!(rule.by as readonly Actor[]).includes(actor)) return { ok: false, message: '您没有权限进行此操作。' };
  if (!(rule.from as readonly ApplicationStatus[]).includes(from)) {
    return { ok: false, message: `申请当前状态为“${STATUS_TEXT[from].label}”，不能${ACTION_TEXT[name]}。` };
  }
  return { ok: true, to: rule.to };
}

export const ACTION_TEXT: Record<TransitionName, string> = {
  submit: '提交',
  accept: '受理',
  request_info: '要求补正材料',
  start_review: '开始审核',
  answer: '提交补正材料',
  approve: '批准',
  reject: '不予救助',
  withdraw: '撤回',
  transfer: '转办',
  record_payment: '登记已发放',
  record_payment_failure: '登记发放失败',
  correct_amount: '更正核定金额',
  direct_award: '直接办理（免申即享）',
};

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
export function transitionNoticeBody(name: TransitionName, input: { amountFen?: number; text?: string | null }): string {
  const next = STATUS_TEXT[TRANSITIONS[name].to].next;
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
