// The authority (委托代办) state machine, pure: which step moves an authority from which status to which, who
// may take it, and whether an authority covers an action right now. lib/dal/authorities/ runs the steps
// (compare-and-set on the status, in one transaction with the audit row); lib/dal/access.ts asks `covers`
// at the moment of every action a proxy takes.
import type { AuthorityRelationship, AuthorityScope, AuthorityStatus } from '@/db/schema-shared';

export type AuthorityActor = 'grantor' | 'proxy' | 'clerk' | 'system';

export const AUTHORITY_TRANSITIONS = {
  // The invited proxy confirms the known fact; a clerk verifies a signed 委托书.
  accept: { from: ['pending'], to: 'active', by: ['proxy'] },
  approve: { from: ['pending'], to: 'active', by: ['clerk'] },
  // The third wrong known fact.
  lock: { from: ['pending'], to: 'locked', by: ['system'] },
  decline: { from: ['pending'], to: 'rejected', by: ['proxy'] },
  reject: { from: ['pending'], to: 'rejected', by: ['clerk'] },
  // Withdrawn before it took effect, by whoever started it.
  cancel: { from: ['pending', 'locked'], to: 'cancelled', by: ['grantor', 'proxy'] },
  // Either side, at any time; a clerk for a person at the counter.
  revoke: { from: ['active'], to: 'revoked', by: ['grantor', 'proxy', 'clerk'] },
  // The end date passed (active), or the invitation's 14 days did (pending).
  expire: { from: ['pending', 'active'], to: 'expired', by: ['system'] },
} as const satisfies Record<string, { from: readonly AuthorityStatus[]; to: AuthorityStatus; by: readonly AuthorityActor[] }>;

export type AuthorityStep = keyof typeof AUTHORITY_TRANSITIONS;

export const AUTHORITY_STATUS_TEXT: Record<AuthorityStatus, string> = {
  pending: '等待确认',
  active: '生效中',
  revoked: '已撤销',
  expired: '已到期',
  rejected: '未通过',
  cancelled: '已取消',
  locked: '已锁定',
};

/** The scopes as the applicant chooses them (receive_payment is never offered: only a clerk records it). */
export const SCOPE_TEXT: Record<AuthorityScope, string> = {
  apply: '提交申请',
  view: '查看进度',
  respond: '回复补正',
  notify: '接收通知',
  receive_payment: '代收救助金',
};
/** Who the proxy is to the person, as residents and staff read it. */
export const RELATIONSHIP_TEXT: Record<AuthorityRelationship, string> = {
  family: '家属',
  community_worker: '基层工作人员',
  guardian: '监护人',
  other: '其他',
};
// A guardian is recorded only at the counter, with the guardianship proof (the person cannot consent online).
export const CHOOSABLE_RELATIONSHIPS = ['family', 'community_worker', 'other'] as const satisfies readonly AuthorityRelationship[];
/** Shown on a community worker's authority until a clerk verified the account for the region. */
export const WORKER_UNVERIFIED = '待经办部门核实身份';

/** The relationship in words, with the verification a community worker still needs ("基层工作人员（待经办部门核实身份）"). */
export function relationshipText(relationship: AuthorityRelationship, workerVerified: boolean): string {
  if (relationship !== 'community_worker') return RELATIONSHIP_TEXT[relationship];
  return `${RELATIONSHIP_TEXT.community_worker}（${workerVerified ? '经办部门已核实' : WORKER_UNVERIFIED}）`;
}

export const GRANTABLE_SCOPES = ['apply', 'view', 'respond', 'notify'] as const satisfies readonly AuthorityScope[];

/** An invitation waits this long for the proxy, then expires. */
export const INVITATION_DAYS = 14;
/** Wrong answers to the known fact before the invitation locks. */
export const MAX_FACT_ATTEMPTS = 3;
/** At most this many live (pending or active) proxies per person. */
export const MAX_PROXIES_PER_PERSON = 3;
/** A proxy acting for more people than this is listed for staff review (the portal's rule; a verified 基层工作人员 is not: 000 二(四)3 asks them to 代办). */
export const PROXY_REVIEW_THRESHOLD = 20;
/** Both sides are reminded this many days before the end date. */
export const REMINDER_DAYS = 14;

export type StepCheck = { ok: true; to: AuthorityStatus } | { ok: false; message: string };

export function checkAuthorityStep(step: AuthorityStep, from: AuthorityStatus, actor: AuthorityActor): StepCheck {
  const rule = AUTHORITY_TRANSITIONS[step];
  if (!(rule.by as readonly AuthorityActor[]).includes(actor)) return { ok: false, message: '您没有权限进行此操作。' };
  if (!(rule.from as readonly AuthorityStatus[]).includes(from)) return { ok: false, message: `这份委托${AUTHORITY_STATUS_TEXT[from]}，不能再这样操作。` };
  return { ok: true, to: rule.to };
}

export type AuthorityFacts = {
  status: AuthorityStatus;
  grantorPersonId: string;
  proxyUserId: string | null;
  scope: readonly AuthorityScope[];
  validFrom: string;
  validTo: string;
  applicationId: string | null;
};

export type CoverRequest = { proxyUserId: string; personId: string; need: AuthorityScope; today: string; applicationId?: string | null };
export type CoverAnswer = { ok: true } | { ok: false; reason: 'other_person' | 'not_active' | 'not_yet' | 'ended' | 'out_of_scope' | 'other_application' };

/** Whether this authority lets this proxy do `need` for this person (and application) today. */
export function covers(a: AuthorityFacts, r: CoverRequest): CoverAnswer {
  if (a.proxyUserId !== r.proxyUserId || a.grantorPersonId !== r.personId) return { ok: false, reason: 'other_person' };
  if (a.status !== 'active') return { ok: false, reason: 'not_active' };
  if (r.today < a.validFrom) return { ok: false, reason: 'not_yet' };
  if (r.today > a.validTo) return { ok: false, reason: 'ended' };
  if (!a.scope.includes(r.need)) return { ok: false, reason: 'out_of_scope' };
  // One application only: it covers that one; a new application needs an authority for all of them.
  if (a.applicationId && a.applicationId !== r.applicationId) return { ok: false, reason: 'other_application' };
  return { ok: true };
}

/** What a refused proxy is told (records answer 404 instead, so their existence is not leaked). */
export const REFUSAL_TEXT: Record<Exclude<CoverAnswer, { ok: true }>['reason'], string> = {
  other_person: '您没有为这个人办理的委托。',
  not_active: '这份委托已撤销或尚未生效，您不能再为这个人办理。',
  not_yet: '这份委托还没有到开始日期。',
  ended: '这份委托已经到期，您不能再为这个人办理。',
  out_of_scope: '这份委托不包括这项事务。',
  other_application: '这份委托只适用于另一份申请。',
};

/** The known fact: the last 4 characters of the applicant's 身份证号 (an X may be typed in either case). */
export function factMatches(idNumber: string, answer: string): boolean {
  const want = idNumber.trim().slice(-4).toUpperCase();
  return want.length === 4 && answer.trim().toUpperCase() === want;
}

/** Adds whole days to a YYYY-MM-DD date (calendar arithmetic in UTC, so no time zone shifts a day). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The default end date: one year after the start, less a day (2026-12-01 → 2027-11-30). */
export function defaultValidTo(validFrom: string): string {
  const d = new Date(`${validFrom}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** How a proxy is named to the applicant: the masked name, or for an account that never gave one (用户1234) the phone's last digits. */
export function proxyLabel(displayName: string, mask: (name: string) => string): string {
  const m = /^用户(\d{4})$/.exec(displayName);
  return m ? `代办人（手机尾号 ${m[1]}）` : `代办人 ${mask(displayName)}`;
}
