// Dialect-neutral parts of the schema: the enum value lists, shared by db/schema.ts (SQLite) and
// db/schema.pg.ts (PostgreSQL) so both stay in step. Enums are stored as `text` on both dialects
// (not PostgreSQL enum types), so adding a value never needs a type migration.

export const ROLES = ['resident', 'clerk', 'reviewer', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['clerk', 'reviewer', 'admin', 'auditor'] as const satisfies readonly Role[];

export const CATEGORY_BASES = ['certified', 'declared'] as const;

// `notify`: the proxy gets the notices too. `receive_payment` is never granted online (only a clerk records it).
export const AUTHORITY_SCOPES = ['apply', 'view', 'respond', 'notify', 'receive_payment'] as const;
export type AuthorityScope = (typeof AUTHORITY_SCOPES)[number];
// pending: an invitation not yet accepted, or a 委托书 waiting for a clerk; locked: three wrong known facts;
// cancelled: withdrawn before it took effect; rejected: declined by the proxy or refused by a clerk.
export const AUTHORITY_STATUSES = ['pending', 'active', 'revoked', 'expired', 'rejected', 'cancelled', 'locked'] as const;
export type AuthorityStatus = (typeof AUTHORITY_STATUSES)[number];
export const AUTHORITY_KINDS = ['invitation', 'document', 'counter'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];
// Who the proxy is to the person (000 二(四)3, 001 七(十四), 003 七(十二) name 基层工作人员/基层干部 代办; the other
// three are the portal's). A community worker is verified by the office (community_workers); a guardian is
// recorded only at the counter with the guardianship proof.
export const AUTHORITY_RELATIONSHIPS = ['family', 'community_worker', 'guardian', 'other'] as const;
export type AuthorityRelationship = (typeof AUTHORITY_RELATIONSHIPS)[number];

export const APPLICATION_STATUSES = [
  'draft', 'submitted', 'accepted', 'in_review', 'needs_info', 'approved', 'paid', 'rejected', 'withdrawn', 'transferred',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const EPISODE_KINDS = ['inpatient', 'outpatient', 'outpatient_special'] as const;
export const EPISODE_LOCATIONS = ['local', 'province', 'elsewhere'] as const;

export const DOCUMENT_MIMES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'reversed'] as const;
// Ledger rows are never edited in place: an approval, a payment, a failure or a correction is a row.
export const PAYMENT_KINDS = ['approval', 'payment', 'failure', 'adjustment'] as const;

// Follow-up of a watch-list entry (000 二(三) 细致摸排、分类处置; 000 二(四)1 向慈善组织推介).
export const WATCHLIST_STATUSES = ['open', 'contacted', 'referred', 'assisted', 'closed'] as const;
export type WatchlistStatus = (typeof WATCHLIST_STATUSES)[number];
/** 政策找人 leads: settlement rows of someone with no person record, over the warning line; opened = a record was made. */
export const WATCH_LEAD_STATUSES = ['open', 'opened'] as const;
export type WatchLeadStatus = (typeof WATCH_LEAD_STATUSES)[number];

// Long work recorded in the database and run by the worker (scripts/worker.ts).
export const JOB_KINDS = ['settlement_import', 'watchlist_refresh', 'impact_preview', 'retention'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

// Personal-information consents (《个人信息保护法》第二十九条 separate consent for sensitive data; SMS notices).
export const CONSENT_KINDS = ['sensitive', 'sms'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
// A resident's request about their own data (《个人信息保护法》第四十五条至第四十七条), tracked like a case.
export const DATA_REQUEST_KINDS = ['correction', 'closure', 'export', 'sms_withdraw'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];
export const DATA_REQUEST_STATUSES = ['open', 'done', 'refused'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

// A change of the account an approved case is paid to: asked by the resident (or a proxy with receive_payment),
// or after the bank returned a transfer (payment_failed); a clerk verifies or refuses it.
export const BANK_CHANGE_STATUSES = ['pending', 'verified', 'refused'] as const;
export type BankChangeStatus = (typeof BANK_CHANGE_STATUSES)[number];
export const BANK_CHANGE_CAUSES = ['resident', 'payment_failed'] as const;
// SMS written in the transaction that caused it and sent by the worker after commit.
export const SMS_OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
