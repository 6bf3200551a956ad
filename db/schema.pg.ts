// PostgreSQL twin of db/schema.ts: same tables, columns, indexes and foreign keys, and the same TypeScript
// row types ($inferSelect / $inferInsert), because the data layer is typed once against db/schema.ts and
// runs on both dialects (tests/unit/db/schema-parity.test.ts checks both). Hence:
// - times stay ISO-8601 strings in `text` columns, defaulting to the format of SQLite's
//   strftime('%Y-%m-%dT%H:%M:%fZ','now') (UTC, milliseconds, trailing Z);
// - money/amount columns (`*_fen`, `value`) and the epoch-millisecond `rate_limits.window_start` are
//   int8 read as JS numbers (`mode: 'number'`; fen amounts stay far below 2^53);
// - booleans are `boolean`, JSON is `jsonb`, enums are `text` with the value lists from schema-shared.ts.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  APPLICATION_STATUSES,
  AUTHORITY_KINDS,
  AUTHORITY_RELATIONSHIPS,
  AUTHORITY_SCOPES,
  AUTHORITY_STATUSES,
  CATEGORY_BASES,
  DOCUMENT_MIMES,
  PAYMENT_KINDS,
  PAYMENT_STATUSES,
  ROLES,
  WATCHLIST_STATUSES,
  WATCH_LEAD_STATUSES,
  JOB_KINDS,
  JOB_STATUSES,
  CONSENT_KINDS,
  DATA_REQUEST_KINDS,
  DATA_REQUEST_STATUSES,
  BANK_CHANGE_STATUSES,
  BANK_CHANGE_CAUSES,
  SMS_OUTBOX_STATUSES,
} from './schema-shared';

export { ROLES, STAFF_ROLES, AUTHORITY_SCOPES, APPLICATION_STATUSES } from './schema-shared';
export type { Role, ApplicationStatus } from './schema-shared';

/** Same text as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ','now'), e.g. 2025-03-01T08:05:09.042Z. */
const nowIso = sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const id = () => text('id').primaryKey().$defaultFn(() => crypto.randomUUID());
const createdAt = () => text('created_at').notNull().default(nowIso);
const fen = (name: string) => bigint(name, { mode: 'number' });

export const users = pgTable(
  'users',
  {
    id: id(),
    role: text('role', { enum: ROLES }).notNull(),
    username: text('username'),
    displayName: text('display_name').notNull(),
    phoneEnc: text('phone_enc'),
    phoneHmac: text('phone_hmac'),
    passwordHash: text('password_hash'),
    region: text('region'),
    district: text('district'),
    personId: text('person_id').references(() => persons.id),
    disabled: boolean('disabled').notNull().default(false),
    sessionVersion: integer('session_version').notNull().default(1),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    lastLoginAt: text('last_login_at'),
    // Staff second factor (RFC 6238): the shared secret encrypted at rest; the last time step accepted, so a
    // code is used once.
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    totpLastStep: integer('totp_last_step'),
    // The resident closed the account (《个人信息保护法》第四十七条): signed out for good, phone lookup removed.
    closedAt: text('closed_at'),
    demo: boolean('demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), uniqueIndex('users_phone_hmac_uq').on(t.phoneHmac)],
);

export const persons = pgTable(
  'persons',
  {
    id: id(),
    // The full name, encrypted; lists (the staff queue) show the masked form, kept beside it (张*明).
    nameEnc: text('name_enc').notNull(),
    nameMasked: text('name_masked').notNull(),
    idNumberEnc: text('id_number_enc'),
    idNumberHmac: text('id_number_hmac'),
    birthDate: text('birth_date'),
    phoneEnc: text('phone_enc'),
    hukouRegion: text('hukou_region'),
    insuredRegion: text('insured_region'),
    demo: boolean('demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('persons_id_number_hmac_uq').on(t.idNumberHmac)],
);

export const personCategories = pgTable(
  'person_categories',
  {
    id: id(),
    personId: text('person_id').notNull().references(() => persons.id),
    code: text('code').notNull(),
    region: text('region').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    basis: text('basis', { enum: CATEGORY_BASES }).notNull(),
    // The certificate (低保证/特困证) number, encrypted.
    certificateNoEnc: text('certificate_no_enc'),
    certifiedBy: text('certified_by'),
    certifiedAt: text('certified_at'),
    createdAt: createdAt(),
  },
  (t) => [index('person_categories_person_idx').on(t.personId)],
);

export const authorities = pgTable(
  'authorities',
  {
    id: id(),
    grantorPersonId: text('grantor_person_id').notNull().references(() => persons.id),
    proxyUserId: text('proxy_user_id').references(() => users.id),
    proxyPhoneHmac: text('proxy_phone_hmac'),
    scope: jsonb('scope').$type<(typeof AUTHORITY_SCOPES)[number][]>().notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    status: text('status', { enum: AUTHORITY_STATUSES }).notNull(),
    evidenceDocumentId: text('evidence_document_id'),
    verifiedBy: text('verified_by').references(() => users.id),
    verifiedAt: text('verified_at'),
    revokedAt: text('revoked_at'),
    // How it came about: invited by the applicant online, a signed 委托书 a clerk verified, or recorded at the counter.
    kind: text('kind', { enum: AUTHORITY_KINDS }).notNull().default('invitation'),
    // One application only (its id), or null for all of the person's applications.
    applicationId: text('application_id'),
    // The invited phone, encrypted, to show the applicant whom they invited (the HMAC finds the invitation).
    proxyPhoneEnc: text('proxy_phone_enc'),
    invitedByUserId: text('invited_by_user_id'),
    inviteExpiresAt: text('invite_expires_at'),
    // Wrong answers to the known fact (the last 4 characters of the applicant's 身份证号); 3 lock the invitation.
    factAttempts: integer('fact_attempts').notNull().default(0),
    acceptedAt: text('accepted_at'),
    // A clerk's note on approval, or the reason (from the list) a request was declined.
    verifyNote: text('verify_note'),
    declineReason: text('decline_reason'),
    endedByUserId: text('ended_by_user_id'),
    // The 14-day reminder went out (the reminder run is idempotent).
    remindedAt: text('reminded_at'),
    // Who the proxy is to the person; rows from before it was asked are 'other' (nobody said).
    relationship: text('relationship', { enum: AUTHORITY_RELATIONSHIPS }).notNull().default('other'),
    // A guardian recorded at the counter: name and 身份证号 as the clerk saw them, encrypted.
    proxyNameEnc: text('proxy_name_enc'),
    proxyIdNumberEnc: text('proxy_id_number_enc'),
    createdAt: createdAt(),
  },
  (t) => [index('authorities_proxy_idx').on(t.proxyUserId), index('authorities_grantor_idx').on(t.grantorPersonId)],
);

// An account the office verified as a 基层工作人员 of its region (000 二(四)3; 001 七(十四)): who verified it, when,
// on which authority, and the unit the clerk typed. Such a proxy is not listed as acting for many people.
export const communityWorkers = pgTable(
  'community_workers',
  {
    id: id(),
    userId: text('user_id').notNull().references(() => users.id),
    region: text('region').notNull(),
    organisation: text('organisation').notNull(),
    authorityId: text('authority_id').references(() => authorities.id),
    verifiedBy: text('verified_by').notNull().references(() => users.id),
    verifiedAt: text('verified_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('community_workers_user_region_uq').on(t.userId, t.region)],
);

export const applications = pgTable(
  'applications',
  {
    id: id(),
    ref: text('ref'),
    personId: text('person_id').references(() => persons.id),
    filedByUserId: text('filed_by_user_id').notNull().references(() => users.id),
    region: text('region').notNull(),
    year: integer('year').notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    idempotencyKey: text('idempotency_key'),
    draftEnc: text('draft_enc'),
    currentStep: text('current_step'),
    primaryCategory: text('primary_category'),
    estimateSnapshot: jsonb('estimate_snapshot'),
    estimatedFen: fen('estimated_fen'),
    decidedAmountFen: fen('decided_amount_fen'),
    bankAccountEnc: text('bank_account_enc'),
    bankAccountLast4: text('bank_account_last4'),
    bankName: text('bank_name'),
    decisionReason: text('decision_reason'),
    decisionClause: text('decision_clause'),
    transferredTo: text('transferred_to'),
    // The staff member working the case (the queue's "assigned to me"), and the district it belongs to.
    assignedToUserId: text('assigned_to_user_id').references(() => users.id),
    district: text('district'),
    demo: boolean('demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull().default(nowIso),
    submittedAt: text('submitted_at'),
    decidedAt: text('decided_at'),
    // Kept for the statistics (lib/dal/stats.ts) by database triggers, never written by the application: the time
    // from submission to decision in ms (from submitted_at and decided_at).
    decisionMs: bigint('decision_ms', { mode: 'number' }),
    // 001 四(七) bill figures of the application's local inpatient stays (from its episodes and estimate snapshot),
    // written by lib/dal/stats.ts the first time a statistic needs them; NULL = not yet worked out (a trigger sets
    // them NULL again when the snapshot or an episode changes).
    billStays: integer('bill_stays'),
    billPolicyFen: fen('bill_policy_fen'),
    billLeftFen: fen('bill_left_fen'),
    billOverTarget: integer('bill_over_target'),
  },
  (t) => [
    uniqueIndex('applications_ref_uq').on(t.ref),
    uniqueIndex('applications_idem_uq').on(t.idempotencyKey),
    index('applications_filed_by_idx').on(t.filedByUserId),
    index('applications_person_idx').on(t.personId),
    // The queue (docs/benchmarks.md "Indexes and why"): region first, the filter, the sort column, then the status
    // last so a filter's bounded count per status reads the index alone (never the table).
    index('applications_region_status_idx').on(t.region, t.status, t.submittedAt),
    index('applications_region_submitted_idx').on(t.region, t.submittedAt, t.status),
    index('applications_region_category_idx').on(t.region, t.primaryCategory, t.submittedAt, t.status),
    index('applications_region_district_idx').on(t.region, t.district, t.submittedAt, t.status),
    index('applications_assigned_idx').on(t.assignedToUserId, t.submittedAt, t.region, t.status),
    index('applications_region_amount_idx').on(t.region, t.estimatedFen, t.status),
    index('applications_region_updated_idx').on(t.region, t.updatedAt),
    // The statistics: the median's day of decisions read in order of duration; the applications whose bill
    // figures are still to be worked out.
    index('applications_region_decision_idx').on(t.region, t.decisionMs, t.submittedAt, t.status, t.district),
    index('applications_bill_pending_idx').on(t.region, t.submittedAt).where(sql`bill_stays is null`),
    // A district's statistics find its pending rows here (without it SQLite walks the district's whole period).
    index('applications_bill_pending_district_idx').on(t.region, t.district, t.submittedAt).where(sql`bill_stays is null`),
  ],
);

// How many applications each region and district has in each state (never drafts), kept by database triggers
// on applications in the same transaction as every insert, status change and delete (migration
// queue_counts), so the queue's tabs and totals read a few rows instead of counting a million.
export const applicationCounts = pgTable(
  'application_counts',
  {
    region: text('region').notNull(),
    district: text('district').notNull().default(''),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [uniqueIndex('application_counts_pk').on(t.region, t.district, t.status)],
);

// The figures both application rollups keep per key (district, status, whole day of decision: counts and bill sums).
const rollupFigures = () => ({
    district: text('district').notNull().default(''),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    decisionDay: integer('decision_day').notNull(),
    n: integer('n').notNull().default(0),
    billStays: integer('bill_stays').notNull().default(0),
    billPolicyFen: fen('bill_policy_fen').notNull().default(0),
    billLeftFen: fen('bill_left_fen').notNull().default(0),
    billOverTarget: integer('bill_over_target').notNull().default(0),
});

// Statistics per region, submission day (Asia/Shanghai), district, status and day of decision: kept by database
// triggers on applications in the same transaction (migration stats_daily), read by lib/dal/stats.ts so a year of a
// region is a few hundred thousand rows at most, never its applications. decision_day: whole days from submission
// to decision for a decision (approved, paid, rejected with decided_at), −1 if decided before submitted, −2 for
// no decision. The bill sums are those of applications whose bill figures are worked out.
export const applicationStatsDaily = pgTable(
  'application_stats_daily',
  {
    region: text('region').notNull(),
    day: text('day').notNull(),
    ...rollupFigures(),
  },
  (t) => [uniqueIndex('application_stats_daily_pk').on(t.region, t.day, t.district, t.status, t.decisionDay)],
);

// The same figures by month (YYYY-MM of the submission day), kept from application_stats_daily by its own triggers
// (migration stats_rollup_triggers): a period's whole months are read here (a year is at most 12 × districts ×
// statuses × decision days rows, whatever the number of applications), its partial months from the daily rows.
export const applicationStatsMonthly = pgTable(
  'application_stats_monthly',
  {
    region: text('region').notNull(),
    month: text('month').notNull(),
    ...rollupFigures(),
  },
  (t) => [uniqueIndex('application_stats_monthly_pk').on(t.region, t.month, t.district, t.status, t.decisionDay)],
);

// Assistance paid (ledger rows of kind 'payment', which are never changed or deleted) per region, day paid
// (Asia/Shanghai), the application's district and primary category, and pool: the sum and the number of payments.
// Triggers on payments and applications keep it (migration stats_rollup_triggers), so /admin/stats never reads
// the payments of a period.
export const paymentStatsDaily = pgTable(
  'payment_stats_daily',
  {
    region: text('region').notNull(),
    day: text('day').notNull(),
    district: text('district').notNull().default(''),
    category: text('category').notNull().default(''),
    pool: text('pool').notNull(),
    amountFen: fen('amount_fen').notNull().default(0),
    n: integer('n').notNull().default(0),
  },
  (t) => [uniqueIndex('payment_stats_daily_pk').on(t.region, t.day, t.district, t.category, t.pool)],
);

export const episodes = pgTable(
  'episodes',
  {
    id: id(),
    applicationId: text('application_id').notNull().references(() => applications.id),
    seq: integer('seq').notNull(),
    // The visit (hospital, dates, kind, amounts, special-disease flag: health data), encrypted JSON.
    dataEnc: text('data_enc').notNull(),
    // Keyed hashes that find the same visit elsewhere (lib/personal/visit-key.ts): of the 结算单号 when known, and of
    // hospital + dates + amount.
    noKey: text('no_key'),
    visitKey: text('visit_key'),
  },
  (t) => [index('episodes_application_idx').on(t.applicationId), index('episodes_no_key_idx').on(t.noKey), index('episodes_visit_key_idx').on(t.visitKey)],
);

export const documents = pgTable(
  'documents',
  {
    id: id(),
    sha256: text('sha256').notNull(),
    mime: text('mime', { enum: DOCUMENT_MIMES }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    originalName: text('original_name').notNull(),
    kind: text('kind').notNull(),
    applicationId: text('application_id').references(() => applications.id),
    authorityId: text('authority_id'),
    episodeSeq: integer('episode_seq'),
    eventId: text('event_id'),
    uploadedBy: text('uploaded_by').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('documents_application_idx').on(t.applicationId)],
);

// File contents for deployments without a shared disk (FILE_STORAGE=database): encrypted, by storage key.
export const storedFiles = pgTable('stored_files', {
  key: text('key').primaryKey(),
  content: text('content').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  createdAt: createdAt(),
});

export const events = pgTable(
  'events',
  {
    id: id(),
    applicationId: text('application_id').notNull().references(() => applications.id),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorUserId: text('actor_user_id').references(() => users.id),
    // The authority a proxy acted under (null: the applicant themself, or staff).
    authorityId: text('authority_id'),
    message: text('message'),
    data: jsonb('data'),
    createdAt: createdAt(),
  },
  (t) => [index('events_application_idx').on(t.applicationId)],
);

export const payments = pgTable(
  'payments',
  {
    id: id(),
    applicationId: text('application_id').notNull().references(() => applications.id),
    personId: text('person_id').notNull().references(() => persons.id),
    region: text('region').notNull(),
    year: integer('year').notNull(),
    pool: text('pool').notNull(),
    amountFen: fen('amount_fen').notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    paidAt: text('paid_at'),
    kind: text('kind', { enum: PAYMENT_KINDS }).notNull().default('approval'),
    batchRef: text('batch_ref'),
    reason: text('reason'),
    correctsPaymentId: text('corrects_payment_id'),
    createdByUserId: text('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  // By application: the ledger of a case (lib/dal/ledger.ts rowsOf) reads its rows, at any size of the table.
  (t) => [index('payments_person_year_idx').on(t.personId, t.year), index('payments_application_idx').on(t.applicationId)],
);

export const parameters = pgTable(
  'parameters',
  {
    id: id(),
    region: text('region').notNull(),
    name: text('name').notNull(),
    value: fen('value').notNull(),
    unit: text('unit').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    effectiveTo: text('effective_to'),
    source: text('source').notNull(),
    demo: boolean('demo').notNull().default(false),
    setBy: text('set_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('parameters_region_name_idx').on(t.region, t.name, t.effectiveFrom)],
);

// What a drafted parameter value would change for a year (lib/office/impact.ts): one row per run, its progress while it
// runs and the serialisable result when done. A draft is never a parameter: publishing writes a new version.
export const impactRuns = pgTable(
  'impact_runs',
  {
    id: id(),
    region: text('region').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    draftValue: integer('draft_value').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull().default('running'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    result: jsonb('result'),
    error: text('error'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    finishedAt: text('finished_at'),
  },
  (t) => [index('impact_runs_region_idx').on(t.region, t.createdAt)],
);

export const regionSettings = pgTable(
  'region_settings',
  {
    region: text('region').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
    source: text('source').notNull(),
    demo: boolean('demo').notNull().default(false),
    // Named created_at as on SQLite; it holds the time of the last change.
    updatedAt: text('created_at').notNull().default(nowIso),
  },
  (t) => [uniqueIndex('region_settings_pk').on(t.region, t.key)],
);

// The holiday calendar per region and year (法定节假日 and 调休 workdays), kept by the region's administrator;
// every working-day count (queue clock, overdue filter, the date promised to residents) reads it.
export const holidays = pgTable(
  'holidays',
  {
    id: id(),
    region: text('region').notNull(),
    date: text('date').notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    demo: boolean('demo').notNull().default(false),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('holidays_region_date').on(t.region, t.date)],
);

// The early-warning list (000 二(三), 003 四(七)): one row per person and period (`period` = the last day of
// the 12 months looked at), so a refresh never lists anyone twice for the same period.
export const watchlist = pgTable(
  'watchlist',
  {
    id: id(),
    personId: text('person_id').notNull().references(() => persons.id),
    region: text('region').notNull(),
    period: text('period').notNull().default(''),
    reason: text('reason').notNull(),
    burdenFen: fen('burden_fen').notNull().default(0),
    incomeFen: fen('income_fen').notNull().default(0),
    status: text('status', { enum: WATCHLIST_STATUSES }).notNull().default('open'),
    charityReferral: text('charity_referral'),
    notes: text('notes'),
    noticeSentAt: text('notice_sent_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull().default(nowIso),
  },
  (t) => [uniqueIndex('watchlist_person_period_uq').on(t.personId, t.region, t.period), index('watchlist_region_status_idx').on(t.region, t.status)],
);

// 政策找人 (000 二(三)): settlement rows of a person with no record whose 12 months' own payments are over the
// region's warning line, one per 身份证号 (its keyed hash), region and month; a clerk opens a person record from it.
export const watchLeads = pgTable(
  'watch_leads',
  {
    id: id(),
    region: text('region').notNull(),
    period: text('period').notNull(),
    idNumberHmac: text('id_number_hmac').notNull(),
    reason: text('reason').notNull(),
    burdenFen: fen('burden_fen').notNull().default(0),
    // The visits (hospital, dates, amounts), encrypted like the settlement rows they come from.
    detailEnc: text('detail_enc').notNull(),
    status: text('status', { enum: WATCH_LEAD_STATUSES }).notNull().default('open'),
    personId: text('person_id').references(() => persons.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull().default(nowIso),
  },
  (t) => [uniqueIndex('watch_leads_hmac_period_uq').on(t.idNumberHmac, t.region, t.period), index('watch_leads_region_status_idx').on(t.region, t.status)],
);

// Jobs (imports, recomputations, the nightly watch-list refresh): claimed by a worker with a compare-and-set
// (SQLite) or FOR UPDATE SKIP LOCKED (PostgreSQL); `heartbeat_at` going stale hands a job back after a crash.
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind', { enum: JOB_KINDS }).notNull(),
    region: text('region').notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    // The job's input, encrypted (an import holds 身份证号); a short plain description for lists.
    payloadEnc: text('payload_enc'),
    title: text('title').notNull(),
    dedupeKey: text('dedupe_key'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    result: jsonb('result'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    createdByUserId: text('created_by_user_id').references(() => users.id),
    lockedBy: text('locked_by'),
    heartbeatAt: text('heartbeat_at'),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull().default(nowIso),
  },
  (t) => [index('jobs_status_idx').on(t.status, t.createdAt), uniqueIndex('jobs_dedupe_uq').on(t.dedupeKey), index('jobs_region_idx').on(t.region, t.createdAt)],
);

// Imported 结算单 rows (one visit or stay), idempotent by the settlement number per region. Health data:
// the visit's fields are an encrypted JSON value; the 身份证号 is kept only as its HMAC, for matching.
export const settlements = pgTable(
  'settlements',
  {
    id: id(),
    region: text('region').notNull(),
    settlementNo: text('settlement_no').notNull(),
    idNumberHmac: text('id_number_hmac').notNull(),
    personId: text('person_id').references(() => persons.id),
    date: text('date').notNull(),
    year: integer('year').notNull(),
    dataEnc: text('data_enc').notNull(),
    // What the person still paid within the policy range after insurance (for the watch list), in the clear.
    selfPayFen: fen('self_pay_fen').notNull(),
    // What the hospital's 一站式 settlement already paid as assistance (医疗救助支付), in the clear.
    assistancePaidFen: fen('assistance_paid_fen').notNull().default(0),
    noKey: text('no_key'),
    visitKey: text('visit_key'),
    // 待核实: a blank cell a rule depends on (the reason); the row waits for a clerk and is not awarded.
    holdReason: text('hold_reason'),
    applicationId: text('application_id').references(() => applications.id),
    jobId: text('job_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('settlements_region_no_uq').on(t.region, t.settlementNo), index('settlements_person_year_idx').on(t.personId, t.year),
    index('settlements_visit_key_idx').on(t.visitKey),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: text('user_id').notNull().references(() => users.id),
    applicationId: text('application_id').references(() => applications.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    readAt: text('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);

// Append only. SQLite's INTEGER PRIMARY KEY AUTOINCREMENT: an identity column (the insert may still
// name an id, as on SQLite, hence BY DEFAULT rather than ALWAYS).
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    actorUserId: text('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    ip: text('ip'),
    // The authority a proxy acted under, so the applicant can see what was done in their name.
    authorityId: text('authority_id'),
    summary: jsonb('summary'),
    at: createdAt(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_authority_idx').on(t.authorityId)],
);

export const otpCodes = pgTable(
  'otp_codes',
  {
    id: id(),
    phoneHmac: text('phone_hmac').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: text('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: text('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('otp_codes_phone_idx').on(t.phoneHmac, t.createdAt)],
);

export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  // Epoch milliseconds (Date.now()): beyond int4, so int8 here where SQLite's integer is already 64-bit.
  windowStart: bigint('window_start', { mode: 'number' }).notNull(),
  count: integer('count').notNull(),
});

export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: fen('value').notNull(),
});

// What a signed-in resident brought from /check and /estimate (region, categories, every visit), waiting to
// become a new application's draft: encrypted JSON, one row per account, replaced on each handover.
export const prefills = pgTable('prefills', {
  userId: text('user_id').primaryKey().references(() => users.id),
  dataEnc: text('data_enc').notNull(),
  updatedAt: text('updated_at').notNull().default(nowIso),
});

// Consents, one row per giving: the notice version it was given under, and when it was withdrawn.
export const consents = pgTable(
  'consents',
  {
    id: id(),
    userId: text('user_id').notNull().references(() => users.id),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    noticeVersion: text('notice_version').notNull(),
    givenAt: createdAt(),
    withdrawnAt: text('withdrawn_at'),
  },
  (t) => [index('consents_user_idx').on(t.userId, t.kind)],
);

// A resident's request about their own data: a correction a clerk decides, a closure, a download, an SMS
// withdrawal; each with the date it must be answered by (15 working days: 《App违法违规收集使用个人信息行为认定方法》六(五)).
export const dataRequests = pgTable(
  'data_requests',
  {
    id: id(),
    ref: text('ref').notNull(),
    userId: text('user_id').notNull().references(() => users.id),
    kind: text('kind', { enum: DATA_REQUEST_KINDS }).notNull(),
    status: text('status', { enum: DATA_REQUEST_STATUSES }).notNull().default('open'),
    region: text('region'),
    applicationId: text('application_id'),
    // What the resident asked for, encrypted (it may name their own personal data).
    detailEnc: text('detail_enc'),
    dueDate: text('due_date').notNull(),
    answer: text('answer'),
    decidedByUserId: text('decided_by_user_id'),
    decidedAt: text('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('data_requests_ref_uq').on(t.ref), index('data_requests_user_idx').on(t.userId), index('data_requests_region_status_idx').on(t.region, t.status)],
);

// A requested change of the account an application is paid to (the account encrypted, the last four in the
// clear for screens). Verified by a clerk: the application's account changes then, so the next batch uses it.
export const bankAccountChanges = pgTable(
  'bank_account_changes',
  {
    id: id(),
    applicationId: text('application_id').notNull().references(() => applications.id),
    requestedByUserId: text('requested_by_user_id').notNull().references(() => users.id),
    authorityId: text('authority_id'),
    cause: text('cause', { enum: BANK_CHANGE_CAUSES }).notNull().default('resident'),
    bankName: text('bank_name').notNull(),
    accountEnc: text('account_enc').notNull(),
    accountLast4: text('account_last4').notNull(),
    status: text('status', { enum: BANK_CHANGE_STATUSES }).notNull().default('pending'),
    decidedByUserId: text('decided_by_user_id'),
    decidedAt: text('decided_at'),
    answer: text('answer'),
    createdAt: createdAt(),
  },
  (t) => [index('bank_account_changes_app_idx').on(t.applicationId, t.status)],
);

// SMS to send after the transaction that wrote them commits (a rolled-back batch sends nothing); the worker sends them.
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: id(),
    phoneEnc: text('phone_enc').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: SMS_OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('sms_outbox_status_idx').on(t.status, t.createdAt)],
);
