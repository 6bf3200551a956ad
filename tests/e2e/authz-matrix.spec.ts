// The authorization matrix: every page, route handler and server action of the app × every kind of actor, with
// the outcome each cell must have, worked out from the code (lib/auth/session.ts requireUser / requireStaffAccount,
// lib/auth/roles.ts, lib/dal/access.ts canAccess, proxy.ts, each page's and route's own checks, the data-layer
// function each action calls). A page, route or action without a row fails the first test, and so does a row
// naming something that no longer exists: a new route cannot ship without someone deciding who may use it.
// How to add a row: docs/security.md (section 授权矩阵).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse, type Browser } from '@playwright/test';
import { actAsStaff, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, freshIdNumber, freshPhone, PNG_1X1, signInResident, signInStaff } from './helpers';

const run = promisify(execFile);

// ───────────────────────────── actors ─────────────────────────────
const RESIDENTS = ['owner', 'other', 'proxy', 'proxyView', 'proxyNone', 'proxyRevoked'] as const;
const WUXI = ['wxClerk', 'wxReviewer', 'wxAdmin', 'wxAuditor'] as const;
const SHANGHAI = ['shClerk', 'shReviewer', 'shAdmin', 'shAuditor'] as const;
const ACTORS = ['anon', ...RESIDENTS, ...WUXI, 'wxDistrict', ...SHANGHAI] as const;
type Actor = (typeof ACTORS)[number];
/*
 * anon          nobody signed in
 * owner         the resident whose applications A (rejected, so decided) and B (submitted) and drafts these are
 * other         another resident
 * proxy         a resident with an active authority from the owner's person: scope apply + view + respond
 * proxyView     active authority, scope view only (no apply, no respond)
 * proxyNone     active authority without view (scope receive_payment only)
 * proxyRevoked  an authority with every scope, revoked
 * wx*           Wuxi (the applications' region) clerk, reviewer, admin (second factor on), auditor
 * wxDistrict    a Wuxi clerk of one district (梁溪区): staff of a district see that district's cases only
 *               (canAccess), and these applications have no district, so for every record it is like another region
 * sh*           Shanghai clerk, reviewer, admin (second factor on), auditor: another region
 */

/**
 * Outcomes. Pages and routes, fetched without following redirects: 'ok' (2xx), 'login' (a redirect to /login),
 * 'not_found' (404), 'forbidden' (403), 'unauthorized' (401), 'bad_request' (400), 'conflict' (409),
 * 'redirect:<path>' (any other redirect, ids shown as :id and references as :ref).
 * Server actions: 'login' / 'redirect:<path>' (the action redirected), 'forbidden' (403 from requireUser),
 * 'ok' (the action's state says ok: true), 'state:<text>' (the action answered ok: false, its message or a
 * field error containing <text>: its refusal or validation state), 'answered:…' (a state of another shape).
 * Public rows: 'public' = anonymous gets no 5xx and no login redirect.
 */
type Outcome = string;
type Expect = Partial<Record<Actor | 'residents' | 'wuxi' | 'shanghai' | 'staff', Outcome>>;

/** The full row of cells from groups, actor keys overriding their group; every actor must end up with a value. */
function cells(e: Expect): Record<Actor, Outcome> {
  const out: Partial<Record<Actor, Outcome>> = {};
  for (const a of ACTORS) {
    const group = (RESIDENTS as readonly string[]).includes(a) ? 'residents' : (WUXI as readonly string[]).includes(a) ? 'wuxi' : (SHANGHAI as readonly string[]).includes(a) ? 'shanghai' : null;
    // `staff` covers every staff actor (the district clerk too) that neither its own key nor its group names.
    const staff = a !== 'anon' && !(RESIDENTS as readonly string[]).includes(a) ? e.staff : undefined;
    const v = e[a] ?? (group ? e[group] : undefined) ?? staff;
    if (v === undefined) throw new Error(`no outcome for ${a}`);
    out[a] = v;
  }
  return out as Record<Actor, Outcome>;
}

// ───────────────────────────── fixtures ─────────────────────────────
type Fx = {
  /** The owner's 身份证号. */
  idNumber: string;
  A: { ref: string; id: string; documentId: string };
  B: { ref: string; id: string; documentId: string };
  ownerPersonId: string;
  draft: { id: string; documentId: string };
  ownerDraft: { id: string; documentId: string };
  proxyDraft: { id: string; documentId: string };
  /** The other resident's phone (the owner invited it); a phone nobody signs in with (invited too). */
  otherPhone: string;
  nobodyPhone: string;
  /** The owner's authorities to proxyView and proxyNone (revoked by a clerk and by the owner, last). */
  authorities: { proxyView: string; proxyNone: string };
  /** The other resident's pending 委托书 request for the owner, and its letter. */
  request: { id: string; documentId: string };
  /** The owner's pending invitations: to the other resident's phone, to the phone nobody uses. */
  invitation: string;
  nobodyInvitation: string;
  /** The Wuxi clerk's 窗口代录 draft, the person's 身份证号, and the reference of a submitted counter filing. */
  counterDraft: string;
  counterIdNumber: string;
  counterRef: string;
  /** A finished Wuxi job, a Wuxi watch-list entry, a finished Shanghai impact preview. */
  jobId: string;
  watchId: string;
  impactId: string;
};

/** The draft a write action targets: the proxy its own, everybody else the owner's (refusals must leave it alone). */
const draftFor = (fx: Fx, actor: Actor) => (actor === 'proxy' ? fx.proxyDraft : fx.ownerDraft);

type Row = {
  kind: 'page' | 'route' | 'action';
  /** page/route: the app path pattern without route groups; action: `<file>#<export>` as the server-reference manifest names it. */
  name: string;
  /** Why nobody needs to be signed in (touches no record): checked for anonymous only. */
  public?: string;
  method?: 'GET' | 'POST';
  url?: (fx: Fx) => string;
  /** action: values bound on the server (`.bind(null, …)`), then the form's fields. */
  bound?: (fx: Fx, actor: Actor) => unknown[];
  fields?: (fx: Fx, actor: Actor) => Record<string, Field>;
  /** Actors whose call does its work and writes (run last, after the refusals were shown to change nothing). */
  writers?: readonly Actor[];
  expect: Record<Actor, Outcome> | { anon: Outcome };
};

const P = (name: string, reason: string, extra: Partial<Row> = {}): Row => ({ kind: 'page', name, public: reason, expect: { anon: 'public' }, ...extra });
const sameOrigin = (extra: Partial<Row> = {}) => ({ method: 'POST' as const, ...extra });
const CALC = '计算器和资格自测：答案只在 cookie 里，不读写任何记录';

const ROWS: Row[] = [
  // ── public pages: no record is read or written ──
  P('/', '首页：介绍和入口'),
  P('/help', '帮助：静态说明'),
  P('/login', '登录页'),
  P('/privacy', '个人信息处理告知：静态说明'),
  P('/check', CALC),
  P('/check/[question]', CALC, { url: () => '/check/region' }),
  P('/check/answers', CALC),
  P('/check/result', CALC),
  P('/estimate', CALC),
  P('/estimate/region', CALC),
  P('/estimate/who', CALC),
  P('/estimate/visit/[n]', CALC, { url: () => '/estimate/visit/new' }),
  P('/estimate/result', CALC),
  // ── public routes ──
  { kind: 'route', name: '/api/health', public: '运维：数据库是否可用', expect: { anon: 'public' } },
  // Metrics: only the bearer token METRICS_TOKEN or a trusted proxy's own address (none set for this server);
  // no session of any kind is enough (tests/e2e/operations.spec.ts reads it with the token).
  { kind: 'route', name: '/api/metrics', expect: cells({ anon: 'unauthorized', residents: 'unauthorized', staff: 'unauthorized' }) },
  { kind: 'route', name: '/api/v1/regions', public: '公开接口（docs/api.md），不登录、不存储', expect: { anon: 'public' } },
  { kind: 'route', name: '/api/v1/eligibility', public: '公开接口（docs/api.md），不登录、不存储', method: 'POST', expect: { anon: 'public' } },
  { kind: 'route', name: '/api/v1/estimate', public: '公开接口（docs/api.md），不登录、不存储', method: 'POST', expect: { anon: 'public' } },
  { kind: 'route', name: '/api/auth/[...nextauth]', public: 'Auth.js 的会话端点', url: () => '/api/auth/session', expect: { anon: 'public' } },

  // ── resident pages ──
  // requireUser(['resident']): staff 403; proxy.ts sends anybody without a session cookie to /login first.
  { kind: 'page', name: '/me', expect: cells({ anon: 'login', residents: 'ok', staff: 'forbidden' }) },
  { kind: 'page', name: '/apply', expect: cells({ anon: 'login', residents: 'ok', staff: 'forbidden' }) },
  // 我的数据 and the consent page: requireUser(['resident']), each resident only their own (no record id in the URL).
  { kind: 'page', name: '/me/data', expect: cells({ anon: 'login', residents: 'ok', staff: 'forbidden' }) },
  { kind: 'page', name: '/apply/consent', expect: cells({ anon: 'login', residents: 'ok', staff: 'forbidden' }) },
  // exportMyData(user): the resident's own data; staff are no data subject here (404).
  { kind: 'route', name: '/me/data/export', url: () => '/me/data/export?format=json', expect: cells({ anon: 'login', residents: 'ok', staff: 'not_found' }) },
  // loadDraftPage: requireUser(['resident']) → getDraft needs 'apply' on the draft (the owner; the proxy whose
  // authority covers apply); everybody else 404 (submittedRefOfDraft finds no reference for a draft).
  ...['', '/applicant', '/identity', '/episodes', '/episodes/[n]', '/bank', '/declaration', '/review'].map(
    (sub): Row => ({
      kind: 'page',
      name: `/apply/[id]${sub}`,
      url: (fx) => `/apply/${fx.draft.id}${sub.replace('[n]', '0')}`,
      expect: cells({ anon: 'login', owner: 'ok', proxy: 'ok', proxyView: 'not_found', proxyNone: 'not_found', proxyRevoked: 'not_found', other: 'not_found', staff: 'forbidden' }),
    }),
  ),
  // loadApplicationPage: requireUser() (any role) → applicationDetail: loadApplication(…, 'view'): owner, proxies
  // with view, staff of the application's region (not a draft); the rest 404.
  ...['', '/confirmation'].map(
    (sub): Row => ({
      kind: 'page',
      name: `/applications/[ref]${sub}`,
      url: (fx) => `/applications/${fx.B.ref}${sub}`,
      expect: cells({ anon: 'login', owner: 'ok', proxy: 'ok', proxyView: 'ok', proxyNone: 'not_found', proxyRevoked: 'not_found', other: 'not_found', wuxi: 'ok', shanghai: 'not_found', wxDistrict: 'not_found' }),
    }),
  ),
  // …plus canWithdraw: a resident with 'apply' while the state allows withdrawing; staff (even of Wuxi) 404.
  {
    kind: 'page',
    name: '/applications/[ref]/withdraw',
    url: (fx) => `/applications/${fx.B.ref}/withdraw`,
    expect: cells({ anon: 'login', owner: 'ok', proxy: 'ok', proxyView: 'not_found', proxyNone: 'not_found', proxyRevoked: 'not_found', other: 'not_found', staff: 'not_found' }),
  },
  // bankChangePage: the owner, or a proxy whose authority has receive_payment (no matrix proxy has it: the unit test
  // tests/unit/ledger/bank-changes.test.ts covers one that does); staff 403.
  {
    kind: 'page',
    name: '/applications/[ref]/bank',
    url: (fx) => `/applications/${fx.B.ref}/bank`,
    expect: cells({ anon: 'login', owner: 'ok', proxy: 'not_found', proxyView: 'not_found', proxyNone: 'not_found', proxyRevoked: 'not_found', other: 'not_found', staff: 'forbidden' }),
  },
  // decisionNotice: loadApplication 'view' on a decided application (A was rejected).
  {
    kind: 'page',
    name: '/applications/[ref]/decision',
    url: (fx) => `/applications/${fx.A.ref}/decision`,
    expect: cells({ anon: 'login', owner: 'ok', proxy: 'ok', proxyView: 'ok', proxyNone: 'not_found', proxyRevoked: 'not_found', other: 'not_found', wuxi: 'ok', shanghai: 'not_found', wxDistrict: 'not_found' }),
  },
  {
    kind: 'route',
    name: '/applications/[ref]/decision/pdf',
    url: (fx) => `/applications/${fx.A.ref}/decision/pdf`,
    expect: cells({ anon: 'login', owner: 'ok', proxy: 'ok', proxyView: 'ok', proxyNone: 'not_found', proxyRevoked: 'not_found', other: 'not_found', wuxi: 'ok', shanghai: 'not_found', wxDistrict: 'not_found' }),
  },
  // documentForDownload: loadApplication 'view'; staff see a 结算单 (not an unsent 补正) of their region.
  {
    kind: 'route',
    name: '/applications/[ref]/documents/[docId]',
    url: (fx) => `/applications/${fx.A.ref}/documents/${fx.A.documentId}`,
    expect: cells({ anon: 'login', owner: 'ok', proxy: 'ok', proxyView: 'ok', proxyNone: 'not_found', proxyRevoked: 'not_found', other: 'not_found', wuxi: 'ok', shanghai: 'not_found', wxDistrict: 'not_found' }),
  },
  // /api/uploads: same-origin, a resident, then addDocument: a draft with 'apply' (owner; proxy on its own draft);
  // the rest 400 (refused: "这份申请现在不能上传材料"); anybody not a resident 401. proxy.ts leaves this path alone.
  {
    kind: 'route',
    name: '/api/uploads',
    method: 'POST',
    fields: (fx, a) => ({ applicationId: draftFor(fx, a).id, kind: 'receipt', episodeSeq: '0', file: { name: '矩阵.png', mimeType: 'image/png', buffer: PNG_1X1 } }),
    writers: ['owner', 'proxy'],
    expect: cells({ anon: 'unauthorized', owner: 'ok', proxy: 'ok', proxyView: 'bad_request', proxyNone: 'bad_request', proxyRevoked: 'bad_request', other: 'bad_request', staff: 'unauthorized' }),
  },

  // ── staff account pages: requireStaffAccount (any staff role; residents 403) ──
  { kind: 'page', name: '/account/password', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'ok' }) },
  { kind: 'page', name: '/account/security', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'ok' }) },

  // ── staff pages: admin/layout.tsx and each page requireUser(STAFF) → residents 403 ──
  { kind: 'page', name: '/admin', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'ok' }) },
  // staffCaseDetail: loadApplication 'view' for staff = same region, not a draft.
  { kind: 'page', name: '/admin/applications/[ref]', url: (fx) => `/admin/applications/${fx.B.ref}`, expect: cells({ anon: 'login', residents: 'forbidden', wuxi: 'ok', shanghai: 'not_found', wxDistrict: 'not_found' }) },
  { kind: 'page', name: '/admin/applications/[ref]/decision', url: (fx) => `/admin/applications/${fx.A.ref}/decision`, expect: cells({ anon: 'login', residents: 'forbidden', wuxi: 'ok', shanghai: 'not_found', wxDistrict: 'not_found' }) },
  // Route handlers (no layout): anybody not staff gets the same 404 as a case of another region.
  { kind: 'route', name: '/admin/applications/[ref]/decision/pdf', url: (fx) => `/admin/applications/${fx.A.ref}/decision/pdf`, expect: cells({ anon: 'login', residents: 'not_found', wuxi: 'ok', shanghai: 'not_found', wxDistrict: 'not_found' }) },
  {
    kind: 'route',
    name: '/admin/applications/[ref]/documents/[docId]',
    url: (fx) => `/admin/applications/${fx.B.ref}/documents/${fx.B.documentId}`,
    expect: cells({ anon: 'login', residents: 'not_found', wuxi: 'ok', shanghai: 'not_found', wxDistrict: 'not_found' }),
  },
  // requireUser(AUDIT_READERS = auditor, admin); the rows shown are the reader's region only (whereFor).
  { kind: 'page', name: '/admin/audit', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxAdmin: 'ok', wxAuditor: 'ok', shAdmin: 'ok', shAuditor: 'ok' }) },
  // POST from this site; exportAudit refuses anybody but auditor/admin with 403 (residents too).
  { kind: 'route', name: '/admin/audit/export', ...sameOrigin(), expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxAdmin: 'ok', wxAuditor: 'ok', shAdmin: 'ok', shAuditor: 'ok' }) },
  { kind: 'page', name: '/admin/payments', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'ok' }) },
  // Residents 401; exportBankBatch: PAYERS (clerk, reviewer, admin) get their region's batch: Wuxi has the seed's
  // approved, unpaid case (scripts/seed/applications.ts, 特困 for 王芳's principal), Shanghai none (409
  // "没有待发放的申请"), nor the district clerk (that case has no district); the auditor 403. The export writes
  // only its audit row.
  {
    kind: 'route',
    name: '/admin/payments/export',
    ...sameOrigin(),
    expect: cells({ anon: 'login', residents: 'unauthorized', wuxi: 'ok', shanghai: 'conflict', wxDistrict: 'conflict', wxAuditor: 'forbidden', shAuditor: 'forbidden' }),
  },

  // ── server actions of the resident pages (validatedAction(…, ['resident']): staff 403, nobody → /login) ──
  // createDraft for the owner's person: the owner (own person) and a proxy with 'apply' get a draft; the rest
  // are sent back to /apply?error=forbidden with nothing created.
  {
    kind: 'action',
    name: 'app/(resident)/apply/actions.ts#startApplication',
    fields: (fx) => ({ region: 'wuxi', for: fx.ownerPersonId }),
    writers: ['owner', 'proxy'],
    expect: cells({ anon: 'login', owner: 'redirect:/apply/:id', proxy: 'redirect:/apply/:id', proxyView: 'redirect:/apply?error=forbidden', proxyNone: 'redirect:/apply?error=forbidden', proxyRevoked: 'redirect:/apply?error=forbidden', other: 'redirect:/apply?error=forbidden', staff: 'forbidden' }),
  },
  // Draft writes: getDraft / writeDraft need 'apply'. An incomplete answer is saved and says so; others are told
  // the draft is not there.
  {
    kind: 'action',
    name: 'app/(resident)/apply/actions.ts#uploadAction',
    fields: (fx, a) => ({ applicationId: draftFor(fx, a).id, kind: 'receipt', episodeSeq: '0', file: { name: '矩阵.png', mimeType: 'image/png', buffer: PNG_1X1 } }),
    writers: ['owner', 'proxy'],
    expect: cells({ anon: 'login', owner: 'ok', proxy: 'ok', proxyView: 'state:这份申请现在不能上传材料', proxyNone: 'state:这份申请现在不能上传材料', proxyRevoked: 'state:这份申请现在不能上传材料', other: 'state:这份申请现在不能上传材料', staff: 'forbidden' }),
  },
  {
    kind: 'action',
    name: 'app/(resident)/apply/actions.ts#removeDocumentAction',
    fields: (fx, a) => ({ documentId: draftFor(fx, a).documentId }),
    writers: ['owner', 'proxy'],
    expect: cells({ anon: 'login', owner: 'ok', proxy: 'ok', proxyView: 'state:没有找到', proxyNone: 'state:没有找到', proxyRevoked: 'state:没有找到', other: 'state:没有找到', staff: 'forbidden' }),
  },
  {
    kind: 'action',
    name: 'app/(resident)/apply/actions.ts#saveStepAction',
    bound: (fx, a) => [draftFor(fx, a).id, 'bank'],
    fields: () => ({ bankName: '矩阵银行' }),
    writers: ['owner', 'proxy'],
    expect: cells({ anon: 'login', owner: 'state:已先为您保存', proxy: 'state:已先为您保存', proxyView: 'state:没有找到这份申请', proxyNone: 'state:没有找到这份申请', proxyRevoked: 'state:没有找到这份申请', other: 'state:没有找到这份申请', staff: 'forbidden' }),
  },
  {
    kind: 'action',
    name: 'app/(resident)/apply/actions.ts#saveEpisodeAction',
    bound: (fx, a) => [draftFor(fx, a).id, 0],
    fields: () => ({ hospitalName: '矩阵医院' }),
    writers: ['owner', 'proxy'],
    expect: cells({ anon: 'login', owner: 'state:已先为您保存', proxy: 'state:已先为您保存', proxyView: 'state:没有找到', proxyNone: 'state:没有找到', proxyRevoked: 'state:没有找到', other: 'state:没有找到', staff: 'forbidden' }),
  },
  // perform(submit) loads with 'apply': the owner and the proxy reach the check of the (incomplete) draft.
  {
    kind: 'action',
    name: 'app/(resident)/apply/actions.ts#submitAction',
    bound: (fx, a) => [draftFor(fx, a).id],
    fields: () => ({}),
    writers: ['owner', 'proxy'],
    expect: cells({ anon: 'login', owner: 'state:还有内容没有填完', proxy: 'state:还有内容没有填完', proxyView: 'state:没有找到这份申请，或您无权办理', proxyNone: 'state:没有找到这份申请，或您无权办理', proxyRevoked: 'state:没有找到这份申请，或您无权办理', other: 'state:没有找到这份申请，或您无权办理', staff: 'forbidden' }),
  },
  {
    kind: 'action',
    name: 'app/(resident)/apply/actions.ts#removeEpisodeAction',
    fields: (fx, a) => ({ draftId: draftFor(fx, a).id, index: '0' }),
    writers: ['owner', 'proxy'],
    expect: cells({ anon: 'login', owner: 'redirect:/apply/:id/episodes', proxy: 'redirect:/apply/:id/episodes', proxyView: 'state:没有找到', proxyNone: 'state:没有找到', proxyRevoked: 'state:没有找到', other: 'state:没有找到', staff: 'forbidden' }),
  },
  {
    kind: 'action',
    name: 'app/(resident)/apply/actions.ts#deleteDraftAction',
    fields: (fx, a) => ({ draftId: draftFor(fx, a).id }),
    writers: ['owner', 'proxy'],
    expect: cells({ anon: 'login', owner: 'redirect:/apply?deleted=1', proxy: 'redirect:/apply?deleted=1', proxyView: 'state:没有找到', proxyNone: 'state:没有找到', proxyRevoked: 'state:没有找到', other: 'state:没有找到', staff: 'forbidden' }),
  },
  // On A (rejected): who may answer / withdraw reaches the state check ("不能…"), the rest are not found.
  {
    kind: 'action',
    name: 'app/(resident)/applications/[ref]/actions.ts#respondAction',
    bound: (fx) => [fx.A.ref, fx.A.id],
    fields: () => ({ message: '矩阵测试' }),
    expect: cells({ anon: 'login', owner: 'state:不能提交补正材料', proxy: 'state:不能提交补正材料', proxyView: 'state:没有找到这份申请，或您无权办理', proxyNone: 'state:没有找到这份申请，或您无权办理', proxyRevoked: 'state:没有找到这份申请，或您无权办理', other: 'state:没有找到这份申请，或您无权办理', staff: 'forbidden' }),
  },
  {
    kind: 'action',
    name: 'app/(resident)/applications/[ref]/actions.ts#withdrawAction',
    bound: (fx) => [fx.A.ref],
    fields: () => ({ confirm: 'yes' }),
    expect: cells({ anon: 'login', owner: 'state:不能撤回', proxy: 'state:不能撤回', proxyView: 'state:没有找到这份申请，或您无权办理', proxyNone: 'state:没有找到这份申请，或您无权办理', proxyRevoked: 'state:没有找到这份申请，或您无权办理', other: 'state:没有找到这份申请，或您无权办理', staff: 'forbidden' }),
  },
  // requestBankChange on A (rejected): the payee reaches the state check; nothing is written.
  {
    kind: 'action',
    name: 'app/(resident)/applications/[ref]/bank/actions.ts#requestBankChangeAction',
    bound: (fx) => [fx.A.ref],
    fields: () => ({ bankName: '中国银行', accountName: '严矩阵', account: '6217000000009876543' }),
    expect: cells({ anon: 'login', owner: 'state:不能再更换收款账户', proxyNone: 'state:没有找到这条记录', proxy: 'state:没有找到这条记录', proxyView: 'state:没有找到这条记录', proxyRevoked: 'state:没有找到这条记录', other: 'state:没有找到这条记录', staff: 'forbidden' }),
  },
  // 我的数据: a correction of one's own data (no application named); without the confirm box nothing closes.
  { kind: 'action', name: 'app/(resident)/me/data/actions.ts#correctionAction', fields: () => ({ ref: '', detail: '矩阵测试：姓名写错了' }), writers: RESIDENTS, expect: cells({ anon: 'login', residents: 'ok', staff: 'forbidden' }) },
  { kind: 'action', name: 'app/(resident)/me/data/actions.ts#closeAccountAction', fields: () => ({}), expect: cells({ anon: 'login', residents: 'redirect:/me/data?error=confirm', staff: 'forbidden' }) },
  { kind: 'action', name: 'app/(resident)/me/data/actions.ts#smsConsentAction', fields: () => ({ wanted: 'yes' }), writers: RESIDENTS, expect: cells({ anon: 'login', residents: 'redirect:/me/data?sms=on', staff: 'forbidden' }) },
  // The consent page's form without the box ticked: sent back, nothing recorded.
  { kind: 'action', name: 'app/(resident)/apply/actions.ts#consentAction', fields: () => ({ next: '/apply' }), expect: cells({ anon: 'login', residents: 'redirect:/apply/consent?error=1&next=%2Fapply', staff: 'forbidden' }) },
  // markAllRead: the actor's own notices only.
  { kind: 'action', name: 'app/(resident)/me/actions.ts#markAllReadAction', fields: () => ({}), writers: RESIDENTS, expect: cells({ anon: 'login', residents: 'ok', staff: 'forbidden' }) },

  // ── staff actions (validatedAction(…, STAFF): residents 403) ──
  // perform(accept) on A (rejected): Wuxi clerk/reviewer reach the state check; the admin may not accept at all;
  // the auditor is refused by the runner; Shanghai does not find it. Every verb (correct_amount too: reviewer, on an
  // approved case) is this one action through the same runner: loadApplication, then the transition table's `by`.
  {
    kind: 'action',
    name: 'app/admin/applications/[ref]/actions.ts#caseAction',
    bound: (fx) => [fx.A.ref, 'accept'],
    fields: () => ({ confirm: 'yes' }),
    expect: cells({ anon: 'login', residents: 'forbidden', wxClerk: 'state:不能受理', wxReviewer: 'state:不能受理', wxAdmin: 'state:您没有权限进行此操作', wxAuditor: 'state:审计员只能查看', shanghai: 'state:没有找到这份申请，或您无权办理', wxDistrict: 'state:没有找到这份申请，或您无权办理' }),
  },
  // revealField: loadForStaff (same region, any staff role, audited); another region not found.
  {
    kind: 'action',
    name: 'app/admin/applications/[ref]/actions.ts#revealAction',
    bound: (fx) => [fx.B.ref, 'name'],
    fields: () => ({}),
    // Only a clerk or reviewer of the area reveals; admins and auditors see masked values only (403).
    expect: cells({ anon: 'login', residents: 'forbidden', wuxi: 'ok', shanghai: 'state:没有找到', wxDistrict: 'state:没有找到', wxAdmin: 'forbidden', wxAuditor: 'forbidden', shAdmin: 'forbidden', shAuditor: 'forbidden' }),
  },
  // setSettlementNo: clerks and reviewers of the case's area, before a decision; A is rejected, so nothing is written.
  {
    kind: 'action',
    name: 'app/admin/applications/[ref]/actions.ts#settlementNoAction',
    bound: (fx) => [fx.A.ref, '0'],
    fields: () => ({ settlementNo: 'JZ-MATRIX-1' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'state:已经作出决定', wxReviewer: 'state:已经作出决定', wxDistrict: 'state:没有找到', shClerk: 'state:没有找到', shReviewer: 'state:没有找到' }),
  },
  // assignApplication(…, nobody): clerk/reviewer/admin of the region; the auditor may not assign.
  {
    kind: 'action',
    name: 'app/admin/applications/[ref]/actions.ts#assignAction',
    bound: (fx) => [fx.B.ref],
    fields: () => ({ assignee: '' }),
    expect: cells({ anon: 'login', residents: 'forbidden', wxClerk: 'ok', wxReviewer: 'ok', wxAdmin: 'ok', wxAuditor: 'state:您没有权限分派申请', wxDistrict: 'state:没有找到', shClerk: 'state:没有找到', shReviewer: 'state:没有找到', shAdmin: 'state:没有找到', shAuditor: 'state:您没有权限分派申请' }),
  },
  // Auditors and admins; the owner's 身份证号 becomes the person only for readers of Wuxi, where the person applied
  // (personIdByIdNumber): another region's reader is told nobody has it, as for a number nobody has.
  {
    kind: 'action',
    name: 'app/admin/audit/actions.ts#filterAuditAction',
    fields: (fx) => ({ idNumber: fx.idNumber }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxAdmin: 'redirect:/admin/audit?person=:id', wxAuditor: 'redirect:/admin/audit?person=:id', shAdmin: 'redirect:/admin/audit?person=none', shAuditor: 'redirect:/admin/audit?person=none' }),
  },
  // PAYERS reach the file check (no file sent); the auditor 403.
  // decideBankChange: clerks and reviewers of the case's area; no change has this id.
  {
    kind: 'action',
    name: 'app/admin/payments/actions.ts#decideBankChangeAction',
    bound: () => ['00000000-0000-4000-8000-000000000000'],
    fields: () => ({ decision: 'verified', answer: '' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'state:没有找到这条记录', wxReviewer: 'state:没有找到这条记录', wxDistrict: 'state:没有找到这条记录', shClerk: 'state:没有找到这条记录', shReviewer: 'state:没有找到这条记录' }),
  },
  { kind: 'action', name: 'app/admin/payments/actions.ts#importResultAction', fields: () => ({}), expect: cells({ anon: 'login', residents: 'forbidden', staff: 'state:请选择银行返回的结果文件', wxAuditor: 'forbidden', shAuditor: 'forbidden' }) },
  // Staff account actions (requireStaffAccount: nobody → /login?as=staff, residents 403), each on the actor's own
  // account. Confirming: the admins' second factor is on already; the others have a pending secret (the security
  // page made one) that 000000 does not match. Turning off: never for admins; the others have none on.
  {
    kind: 'action',
    name: 'app/account/actions.ts#confirmSecondFactorAction',
    fields: () => ({ code: '000000' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'state:验证码不对', wxAdmin: 'state:请刷新页面后重新扫描二维码', shAdmin: 'state:请刷新页面后重新扫描二维码' }),
  },
  {
    kind: 'action',
    name: 'app/account/actions.ts#disableSecondFactorAction',
    fields: () => ({ code: '000000' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'state:两步验证没有开启', wxAdmin: 'state:管理员必须使用两步验证', shAdmin: 'state:管理员必须使用两步验证' }),
  },
  { kind: 'action', name: 'app/account/actions.ts#changePasswordAction', fields: () => ({ current: 'x', next: 'y', confirm: 'z' }), expect: cells({ anon: 'login', residents: 'forbidden', staff: 'state:两次输入的新密码不一样' }) },

  // ── 委托代办: the resident's side (requireUser(['resident']) / validatedAction(…, ['resident'])) ──
  { kind: 'page', name: '/proxy', expect: cells({ anon: 'login', residents: 'ok', staff: 'forbidden' }) },
  { kind: 'page', name: '/proxy/request', expect: cells({ anon: 'login', residents: 'ok', staff: 'forbidden' }) },
  // actingFor: an active, in-date authority held by the actor for that person, whatever its scope (proxyNone's
  // notify-only page says it does not include viewing); the owner is not their own proxy; revoked is gone.
  {
    kind: 'page',
    name: '/proxy/for/[personId]',
    url: (fx) => `/proxy/for/${fx.ownerPersonId}`,
    expect: cells({ anon: 'login', owner: 'not_found', other: 'not_found', proxy: 'ok', proxyView: 'ok', proxyNone: 'ok', proxyRevoked: 'not_found', staff: 'forbidden' }),
  },
  // POST from this site, a resident (anybody else 401): the blank 委托书 with the two typed names; reads no record.
  {
    kind: 'route',
    name: '/proxy/template',
    method: 'POST',
    fields: () => ({ name: '严矩阵', proxyName: '柏代办', scope: 'apply', validFrom: '2099-01-01', validTo: '2099-06-30' }),
    expect: cells({ anon: 'login', residents: 'ok', staff: 'unauthorized' }),
  },
  // inviteProxy: the owner has a 身份证号 on record but already 3 live proxies (proxy, proxyView, proxyNone:
  // MAX_PROXIES_PER_PERSON); the others have no person with a 身份证号, so cannot invite online. Nothing is written.
  {
    kind: 'action',
    name: 'app/(resident)/proxy/actions.ts#inviteAction',
    fields: (fx) => ({ phone: fx.nobodyPhone, relationship: 'family', scope: 'view', validFrom: '2099-01-01', validTo: '2099-06-30', which: 'all' }),
    expect: cells({ anon: 'login', owner: 'state:每个人最多可以同时委托 3 位代办人', other: 'state:您的账号还没有登记身份证号', proxy: 'state:您的账号还没有登记身份证号', proxyView: 'state:您的账号还没有登记身份证号', proxyNone: 'state:您的账号还没有登记身份证号', proxyRevoked: 'state:您的账号还没有登记身份证号', staff: 'forbidden' }),
  },
  // acceptInvitation on the owner's invitation to the other resident's phone: invitationFor finds it only for the
  // account signed in with that phone (the rest: not found). The other resident answers the right last 4 of the
  // owner's 身份证号 and reaches the last check: the owner has 3 live proxies already. Nothing is written.
  {
    kind: 'action',
    name: 'app/(resident)/proxy/actions.ts#acceptAction',
    bound: (fx) => [fx.invitation],
    fields: (fx) => ({ answer: fx.idNumber.slice(-4) }),
    expect: cells({ anon: 'login', residents: 'state:没有找到这条记录', other: 'state:委托人已经有 3 位代办人', staff: 'forbidden' }),
  },
  // declineInvitation: the same invitation; only the invited phone may decline (it does, last).
  {
    kind: 'action',
    name: 'app/(resident)/proxy/actions.ts#declineAction',
    fields: (fx) => ({ id: fx.invitation }),
    writers: ['other'],
    expect: cells({ anon: 'login', residents: 'redirect:/proxy?error=changed', other: 'redirect:/proxy?done=declined', staff: 'forbidden' }),
  },
  // cancelInvitation: the grantor (the owner's person) or the authority's own proxy; this invitation went to a phone
  // nobody uses, so only the owner cancels it.
  {
    kind: 'action',
    name: 'app/(resident)/proxy/actions.ts#cancelAction',
    fields: (fx) => ({ id: fx.nobodyInvitation }),
    writers: ['owner'],
    expect: cells({ anon: 'login', residents: 'redirect:/proxy?error=changed', owner: 'redirect:/proxy?done=cancelled', staff: 'forbidden' }),
  },
  // revokeAuthority on proxyNone's authority: the grantor or that proxy (side); the owner revokes it, then
  // proxyNone finds it revoked already (the compare-and-set moves it once). Other residents: not found.
  {
    kind: 'action',
    name: 'app/(resident)/proxy/actions.ts#revokeAction',
    fields: (fx) => ({ id: fx.authorities.proxyNone }),
    writers: ['owner', 'proxyNone'],
    expect: cells({ anon: 'login', residents: 'redirect:/proxy?error=changed', owner: 'redirect:/proxy?done=revoked', staff: 'forbidden' }),
  },
  // requestByDocument for the owner's 身份证号 with the three photos: the owner is told it is their own number; the
  // rest reach the last check (3 live proxies). The files go to the file store only; no record is written.
  {
    kind: 'action',
    name: 'app/(resident)/proxy/actions.ts#requestAction',
    fields: (fx) => ({
      name: '严矩阵', idNumber: fx.idNumber, region: 'wuxi', relationship: 'family', scope: 'apply', validFrom: '2099-01-01', validTo: '2099-06-30',
      letter: { name: '委托书.png', mimeType: 'image/png', buffer: PNG_1X1 }, proxyId: { name: '我的身份证.png', mimeType: 'image/png', buffer: PNG_1X1 }, grantorId: { name: '他的身份证.png', mimeType: 'image/png', buffer: PNG_1X1 },
    }),
    expect: cells({ anon: 'login', residents: 'state:这个人已经有 3 位代办人', owner: 'state:这是您自己的身份证号', staff: 'forbidden' }),
  },

  // ── 委托核验 (admin/authorities): any staff reads (requireUser(STAFF)); clerks act (validatedAction(…, ['clerk'])) ──
  { kind: 'page', name: '/admin/authorities', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'ok' }) },
  // authorityForReview → personOfStaffArea: the owner applied in Wuxi (A, B, no district): staff of all Wuxi; not a
  // district clerk (no case of the owner in 梁溪区), not Shanghai.
  { kind: 'page', name: '/admin/authorities/[id]', url: (fx) => `/admin/authorities/${fx.request.id}`, expect: cells({ anon: 'login', residents: 'forbidden', wuxi: 'ok', shanghai: 'not_found', wxDistrict: 'not_found' }) },
  // The route: residents get the same 404 as another region's staff (authorityDocument → authorityForReview).
  {
    kind: 'route',
    name: '/admin/authorities/[id]/documents/[docId]',
    url: (fx) => `/admin/authorities/${fx.request.id}/documents/${fx.request.documentId}`,
    expect: cells({ anon: 'login', residents: 'not_found', wuxi: 'ok', shanghai: 'not_found', wxDistrict: 'not_found' }),
  },
  // approveRequest: the Wuxi clerk reaches the last check (the owner has 3 live proxies); the others: not found.
  {
    kind: 'action',
    name: 'app/admin/authorities/actions.ts#verifyAction',
    bound: (fx) => [fx.request.id],
    fields: () => ({ decision: 'approve', note: '委托书签字与两张身份证一致' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'state:这个人已经有 3 位生效的代办人', shClerk: 'state:没有找到这条记录', wxDistrict: 'state:没有找到这条记录' }),
  },
  // verifyCommunityWorker on the 委托书 request (a family member's): the Wuxi clerk is told there is nothing to verify;
  // another region's or a district's clerk: not found (authorityForReview). Nothing is written.
  {
    kind: 'action',
    name: 'app/admin/authorities/actions.ts#verifyWorkerAction',
    bound: (fx) => [fx.request.id],
    fields: () => ({ organisation: '矩阵街道社区居委会', checked: 'yes' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'state:不是基层工作人员', shClerk: 'state:没有找到这条记录', wxDistrict: 'state:没有找到这条记录' }),
  },
  // revokeAuthority as 'clerk' (authorityForReview decides): the Wuxi clerk revokes proxyView's authority.
  {
    kind: 'action',
    name: 'app/admin/authorities/actions.ts#staffRevokeAction',
    fields: (fx) => ({ id: fx.authorities.proxyView, confirm: 'yes' }),
    writers: ['wxClerk'],
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'redirect:/admin/authorities?done=revoked', shClerk: 'redirect:/admin/authorities/:id?error=changed', wxDistrict: 'redirect:/admin/authorities/:id?error=changed' }),
  },
  // linkAccountToPerson(other's phone, the owner's 身份证号): the Wuxi clerk finds the person already linked to the
  // owner's account; for another region's or a district's clerk the person is not theirs (personOfStaffArea), so
  // they are told, as for a number nobody has, that there is no record. Nothing is written.
  {
    kind: 'action',
    name: 'app/admin/authorities/actions.ts#linkAction',
    fields: (fx) => ({ phone: fx.otherPhone, idNumber: fx.idNumber, checked: 'yes' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'state:这条登记记录已经关联了另一个账号', shClerk: 'state:没有这个身份证号的登记记录', wxDistrict: 'state:没有这个身份证号的登记记录' }),
  },

  // ── 窗口代录 (admin/counter): requireUser(['clerk']); a counter draft only for the clerk who filed it (canAccess) ──
  { kind: 'page', name: '/admin/counter', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'ok', wxDistrict: 'ok', shClerk: 'ok' }) },
  ...['', '/applicant', '/episodes/new'].map(
    (sub): Row => ({
      kind: 'page',
      name: `/admin/counter/[id]${sub === '' ? '' : sub === '/applicant' ? '/[step]' : '/episodes/[n]'}`,
      url: (fx) => `/admin/counter/${fx.counterDraft}${sub}`,
      expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'ok', wxDistrict: 'not_found', shClerk: 'not_found' }),
    }),
  ),
  // counterReceipt: the clerk who filed it, the case in their view (loadApplication 'view').
  { kind: 'page', name: '/admin/counter/receipt/[ref]', url: (fx) => `/admin/counter/receipt/${fx.counterRef}`, expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'ok', wxDistrict: 'not_found', shClerk: 'not_found' }) },
  { kind: 'page', name: '/admin/counter/guardian', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'ok', wxDistrict: 'ok', shClerk: 'ok' }) },
  // recordGuardian for the owner without the guardianship proof: refused for the Wuxi clerk; the owner is not another
  // region's or a district's clerk's person (personOfStaffArea), so they are told so. Nothing is written.
  {
    kind: 'action',
    name: 'app/admin/counter/actions.ts#guardianAction',
    fields: (fx) => ({ personName: '严矩阵', personIdNumber: fx.idNumber, guardianName: '柏监护', guardianIdNumber: fx.counterIdNumber, guardianPhone: fx.nobodyPhone, validTo: '2099-06-30', checked: 'yes' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'state:请上传监护证明', wxDistrict: 'state:不在本地区', shClerk: 'state:不在本地区' }),
  },
  // startCounterFiling: any clerk with a region, for the person they have the 身份证 of: each starts a draft.
  {
    kind: 'action',
    name: 'app/admin/counter/actions.ts#startAction',
    fields: (fx) => ({ name: '柏窗口', idNumber: fx.counterIdNumber, checked: 'yes' }),
    writers: ['wxClerk', 'wxDistrict', 'shClerk'],
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'redirect:/admin/counter/:id', wxDistrict: 'redirect:/admin/counter/:id', shClerk: 'redirect:/admin/counter/:id' }),
  },
  // Writes on the Wuxi clerk's draft: saved incomplete for them; other clerks do not find it.
  {
    kind: 'action',
    name: 'app/admin/counter/actions.ts#counterStepAction',
    bound: (fx) => [fx.counterDraft, 'bank'],
    fields: () => ({ bankName: '矩阵银行' }),
    writers: ['wxClerk'],
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'state:有几处需要修改，已先保存', wxDistrict: 'state:没有找到这份代录', shClerk: 'state:没有找到这份代录' }),
  },
  {
    kind: 'action',
    name: 'app/admin/counter/actions.ts#counterEpisodeAction',
    bound: (fx) => [fx.counterDraft, -1],
    fields: () => ({ hospitalName: '矩阵医院' }),
    writers: ['wxClerk'],
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'state:有几处需要修改，已先保存', wxDistrict: 'state:没有找到这条记录', shClerk: 'state:没有找到这条记录' }),
  },
  // (Before the submit below in table order: the submit then finds the pledge and stops at the unfinished steps.)
  {
    kind: 'action',
    name: 'app/admin/counter/actions.ts#counterUploadAction',
    bound: (fx) => [fx.counterDraft],
    fields: () => ({ kind: 'pledge', file: { name: '承诺书.png', mimeType: 'image/png', buffer: PNG_1X1 } }),
    writers: ['wxClerk'],
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'ok', wxDistrict: 'state:这份申请现在不能上传材料', shClerk: 'state:这份申请现在不能上传材料' }),
  },
  // submitCounterFiling: loadApplication 'apply' (the filing clerk); it saves the declaration, then refuses the
  // unfinished draft.
  {
    kind: 'action',
    name: 'app/admin/counter/actions.ts#counterSubmitAction',
    bound: (fx) => [fx.counterDraft],
    fields: () => ({}),
    writers: ['wxClerk'],
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'state:还有内容没有填完', wxDistrict: 'state:没有找到这条记录', shClerk: 'state:没有找到这条记录' }),
  },

  // ── jobs, imports, watch list: records of a region; district staff only their district's (staffAreaWhere) ──
  // jobFor: JOB_STAFF of the job's area; this job was started by the Wuxi clerk (no district), so it is not the
  // 梁溪区 clerk's (the page-content test below shows a 梁溪区 job is).
  { kind: 'page', name: '/admin/jobs/[id]', url: (fx) => `/admin/jobs/${fx.jobId}`, expect: cells({ anon: 'login', residents: 'forbidden', wuxi: 'ok', wxDistrict: 'not_found', shanghai: 'not_found' }) },
  // retryJob (clerk, reviewer, admin): of the area, only a failed job; this one is done. Nothing is written.
  {
    kind: 'action',
    name: 'app/admin/jobs/[id]/actions.ts#retryJobAction',
    bound: (fx) => [fx.jobId],
    fields: () => ({}),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'state:只有失败的任务可以重试', shanghai: 'state:没有找到这条记录', wxDistrict: 'state:没有找到这条记录', wxAuditor: 'forbidden', shAuditor: 'forbidden' }),
  },
  { kind: 'page', name: '/admin/imports', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'ok' }) },
  // IMPORTERS (clerk, reviewer, admin) reach the file check (no file sent); the auditor 403.
  {
    kind: 'action',
    name: 'app/admin/imports/actions.ts#importSettlementsAction',
    fields: () => ({ from: '2026-01-01', to: '2026-06-30' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'state:请选择结算记录文件', wxAuditor: 'forbidden', shAuditor: 'forbidden' }),
  },
  // resolveHeldSettlement: IMPORTERS of the row's region; a row that is not held (none by this id) is not found.
  {
    kind: 'action',
    name: 'app/admin/imports/actions.ts#resolveHeldAction',
    bound: () => ['matrix-no-such-row'],
    fields: () => ({ referred: 'yes' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'state:没有找到这条待核实的结算记录', wxAuditor: 'forbidden', shAuditor: 'forbidden' }),
  },
  // Corrections: clerks and reviewers of the area (auditors and admins do not handle personal-data requests).
  { kind: 'page', name: '/admin/requests', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'ok', wxReviewer: 'ok', wxDistrict: 'ok', shClerk: 'ok', shReviewer: 'ok' }) },
  {
    kind: 'action',
    name: 'app/admin/requests/actions.ts#decideCorrectionAction',
    bound: () => ['00000000-0000-4000-8000-000000000000'],
    fields: () => ({ decision: 'done', answer: '矩阵' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxClerk: 'state:没有找到这条记录', wxReviewer: 'state:没有找到这条记录', wxDistrict: 'state:没有找到这条记录', shClerk: 'state:没有找到这条记录', shReviewer: 'state:没有找到这条记录' }),
  },
  { kind: 'page', name: '/admin/watchlist', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'ok' }) },
  // WATCH_ACTORS queue a refresh of their own region (a job; its page follows).
  {
    kind: 'action',
    name: 'app/admin/watchlist/actions.ts#refreshWatchlistAction',
    fields: () => ({}),
    writers: ['wxClerk', 'wxReviewer', 'wxAdmin', 'wxDistrict', 'shClerk', 'shReviewer', 'shAdmin'],
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'redirect:/admin/jobs/:id', wxAuditor: 'forbidden', shAuditor: 'forbidden' }),
  },
  // followUp on the Wuxi entry: WATCH_ACTORS of its area record a contact; Shanghai does not find it, nor the
  // 梁溪区 clerk (the owner has no case in 梁溪区).
  {
    kind: 'action',
    name: 'app/admin/watchlist/actions.ts#followUpAction',
    bound: (fx) => [fx.watchId],
    fields: () => ({ status: 'contacted', note: '矩阵：已电话联系' }),
    writers: ['wxClerk', 'wxReviewer', 'wxAdmin'],
    expect: cells({ anon: 'login', residents: 'forbidden', wuxi: 'ok', wxDistrict: 'state:没有找到这条记录', shanghai: 'state:没有找到这条记录', wxAuditor: 'forbidden', shAuditor: 'forbidden' }),
  },

  // 政策找人: WATCH_ACTORS open a person record from a lead of their region; no lead has this id, so nothing is made.
  {
    kind: 'action',
    name: 'app/admin/watchlist/actions.ts#openLeadAction',
    bound: () => ['00000000-0000-4000-8000-000000000000'],
    fields: () => ({ name: '矩阵', idNumber: '11010519491231002X' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'state:没有找到这条记录', wxAuditor: 'forbidden', shAuditor: 'forbidden' }),
  },

  // ── parameters and statistics: staff read their own region; admins set parameters ──
  { kind: 'page', name: '/admin/parameters', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'ok' }) },
  // validatedAction(…, ['admin']); publishParameter needs the 依据 first (none sent). Nothing is written.
  {
    kind: 'action',
    name: 'app/admin/parameters/actions.ts#versionAction',
    fields: () => ({ intent: 'publish', name: 'watch.burdenSharePercent', value: '40', effectiveFrom: '2099-01-01', effectiveTo: '', source: '' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxAdmin: 'state:请填写依据', shAdmin: 'state:请填写依据' }),
  },
  // validatedAction(…, ['admin']); the 依据 is missing, so the zod check answers before setHoliday. Nothing is written.
  {
    kind: 'action',
    name: 'app/admin/parameters/actions.ts#holidayAction',
    fields: () => ({ date: '2099-10-01', kind: 'holiday', name: '国庆节', source: '' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxAdmin: 'state:请填写依据', shAdmin: 'state:请填写依据' }),
  },
  // removeHoliday: an id no region has → the DAL's not-found refusal for admins. Nothing is deleted.
  {
    kind: 'action',
    name: 'app/admin/parameters/actions.ts#removeHolidayAction',
    fields: () => ({ id: '00000000-0000-0000-0000-000000000000' }),
    expect: cells({ anon: 'login', residents: 'forbidden', staff: 'forbidden', wxAdmin: 'state:这一天不在', shAdmin: 'state:这一天不在' }),
  },
  // impactRun → mayRead: STAFF of the run's region (a Shanghai run); residents 401.
  {
    kind: 'route',
    name: '/admin/parameters/impact/[id]/export',
    url: (fx) => `/admin/parameters/impact/${fx.impactId}/export`,
    expect: cells({ anon: 'login', residents: 'unauthorized', shanghai: 'ok', wuxi: 'not_found', wxDistrict: 'not_found' }),
  },
  // regionStats(user, user.region): each reader their own region's (a district's own cases); residents 401.
  { kind: 'page', name: '/admin/stats', expect: cells({ anon: 'login', residents: 'forbidden', staff: 'ok' }) },
  { kind: 'route', name: '/admin/stats/export', url: () => '/admin/stats/export?table=status', expect: cells({ anon: 'login', residents: 'unauthorized', staff: 'ok' }) },

  // ── public actions (roles: null): cookies only, or signing in ──
  ...(
    [
      ['app/actions.ts#chooseRegion', '选择地区：只写 cookie'],
      ['app/actions.ts#toggleElderMode', '长辈模式：只写 cookie'],
      ['app/actions.ts#signOutAction', '退出登录：没有登录时什么也不做'],
      ['app/login/actions.ts#sendCodeAction', '登录：发验证码'],
      ['app/login/actions.ts#verifyCodeAction', '登录：核对验证码'],
      ['app/login/actions.ts#staffLoginAction', '工作人员登录'],
      ['app/check/actions.ts#answerQuestion', CALC],
      ['app/check/actions.ts#resetCheck', CALC],
      ['app/check/actions.ts#estimateFromCheck', CALC],
      ['app/estimate/actions.ts#setEstimateRegion', CALC],
      ['app/estimate/actions.ts#setEstimateWho', CALC],
      ['app/estimate/actions.ts#saveVisit', CALC],
      ['app/estimate/actions.ts#deleteVisit', CALC],
      ['app/estimate/actions.ts#resetEstimate', CALC],
    ] as const
  ).map(([name, reason]): Row => ({ kind: 'action', name, public: reason, fields: () => ({}), expect: { anon: 'public' } })),
  // Going on to apply: without answers (this fresh visitor has none) back to the calculator's start; with them
  // applyPath() would send a visitor to sign in, by design.
  { kind: 'action', name: 'app/check/actions.ts#applyFromCheck', public: CALC, fields: () => ({}), expect: { anon: 'redirect:/check' } },
  { kind: 'action', name: 'app/estimate/actions.ts#applyFromEstimate', public: CALC, fields: () => ({}), expect: { anon: 'redirect:/estimate' } },
];

// ───────────────────────────── enumeration ─────────────────────────────
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}
/** app/(resident)/apply/[id]/page.tsx → /apply/[id] (route groups and private folders are not part of the path). */
function routePath(file: string): string {
  const parts = relative('app', file).split('/').slice(0, -1).filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.join('/')}`;
}
function appEntries(): string[] {
  return walk('app').flatMap((f) => {
    if (/\/page\.tsx$/.test(f)) return [`page ${routePath(f)}`];
    if (/\/route\.ts$/.test(f)) return [`route ${routePath(f)}`];
    return [];
  });
}
type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
function manifestActions(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, ManifestEntry> };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, e] of Object.entries(manifest.node)) {
    // A page that loads the action, to post it to (Next runs an action only where its worker is).
    const worker = Object.keys(e.workers).find((w) => w.endsWith('/page')) ?? Object.keys(e.workers)[0]!;
    out.set(`${e.filename}#${e.exportedName}`, { id, page: routePath(`${worker}.tsx`) });
  }
  return out;
}
const rowKey = (r: Row) => `${r.kind} ${r.name}`;

// ───────────────────────────── calling ─────────────────────────────
const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const norm = (p: string) => p.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id').replace(/[A-Z]{2}-\d{4}-\d{6}/g, ':ref');

function pageOutcome(res: APIResponse): Outcome {
  const s = res.status();
  if (s >= 200 && s < 300) return 'ok';
  if (s >= 300 && s < 400) {
    const to = new URL(res.headers().location ?? '', BASE);
    return to.pathname === '/login' ? 'login' : `redirect:${norm(to.pathname + to.search)}`;
  }
  const named: Record<number, string> = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict' };
  return named[s] ?? `status:${s}`;
}

async function actionOutcome(res: APIResponse): Promise<Outcome> {
  const redirect = res.headers()['x-action-redirect'];
  if (redirect) {
    const to = new URL(redirect.split(';')[0]!, BASE);
    return to.pathname === '/login' ? 'login' : `redirect:${norm(to.pathname + to.search)}`;
  }
  const s = res.status();
  if (s === 403) return 'forbidden';
  if (s === 404) return 'not_found';
  if (s !== 200) return `status:${s}`;
  // The action's return value is the flight row "1:{…}" (row 0 is Next's envelope).
  const body = await res.text();
  const line = /^1:(\{.*\})$/m.exec(body)?.[1];
  const state = line ? (JSON.parse(line) as { ok?: boolean; message?: unknown; fieldErrors?: unknown }) : null;
  if (state?.ok === true) return 'ok';
  // Flight writes an absent value as "$undefined".
  const fieldErrors = state?.fieldErrors && typeof state.fieldErrors === 'object' ? Object.values(state.fieldErrors as Record<string, string>) : [];
  if (state?.ok === false) return `state:${[typeof state.message === 'string' ? state.message : '', ...fieldErrors].join(' ').trim()}`;
  return `answered:${(line ?? body).slice(0, 60)}`;
}

/**
 * React's encodeReply for (…bound, formData) as the browser sends it (checked against a real request in the
 * test below): the FormData's fields as "_1_<name>" first, then part "0", the argument list (bound values first,
 * the form as "$K1"). The order matters: the server collects a form's fields from where its pointer stands.
 */
type Field = string | { name: string; mimeType: string; buffer: Buffer };
function actionBody(bound: unknown[], fields: Record<string, Field>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') form.append(`_1_${k}`, v);
    else form.append(`_1_${k}`, new Blob([new Uint8Array(v.buffer)], { type: v.mimeType }), v.name);
  }
  form.append('0', JSON.stringify([...bound, '$K1']));
  return form;
}

type Fetcher = Record<Actor, APIRequestContext>;

async function callCell(ctx: APIRequestContext, row: Row, actor: Actor, fx: Fx, actions: Map<string, { id: string; page: string }>): Promise<Outcome> {
  if (row.kind === 'action') {
    const a = actions.get(row.name)!;
    const page = a.page.replace('[ref]', fx.B.ref).replace('[id]', fx.draft.id).replace('[n]', '0').replace('[question]', 'region').replace('[step]', 'applicant').replace('[personId]', fx.ownerPersonId);
    const res = await ctx.fetch(page, {
      method: 'POST',
      headers: { 'Next-Action': a.id, Origin: BASE, Accept: 'text/x-component' },
      multipart: actionBody(row.bound?.(fx, actor) ?? [], row.fields?.(fx, actor) ?? {}),
      maxRedirects: 0,
    });
    return actionOutcome(res);
  }
  const url = row.url?.(fx) ?? row.name;
  const method = row.method ?? 'GET';
  const fields = row.fields?.(fx, actor);
  const res = await ctx.fetch(url, {
    method,
    maxRedirects: 0,
    headers: method === 'POST' ? { Origin: BASE } : {},
    ...(method === 'POST' ? (fields ? { multipart: fields } : { form: {} }) : {}),
  });
  return pageOutcome(res);
}

function matches(expected: Outcome, actual: Outcome): boolean {
  if (expected === 'public') return actual !== 'login' && !/^status:5/.test(actual);
  if (expected.startsWith('state:')) return actual.startsWith('state:') && actual.includes(expected.slice(6));
  return expected === actual;
}

async function inBatches<T>(items: T[], size: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

async function support(...args: string[]): Promise<string> {
  const env = JSON.parse(readFileSync(process.env.E2E_ENV_FILE ?? 'test-results/e2e-server.env.json', 'utf8')) as Record<string, string>;
  const { stdout } = await run('npx', ['tsx', '--conditions=react-server', ...args], { env: { ...process.env, ...env, NODE_ENV: 'production' } });
  return stdout.trim().split('\n').pop()!;
}
const snapshot = async () => JSON.parse(await support('tests/e2e/support/authz-fixtures.ts', 'snapshot')) as Record<string, string>;

// ───────────────────────────── the tests ─────────────────────────────
test('每个页面、接口和服务器操作都在授权矩阵里有一行，矩阵里没有已删除的', () => {
  const actions = manifestActions();
  const existing = new Set([...appEntries(), ...[...actions.keys()].map((k) => `action ${k}`)]);
  const listed = ROWS.map(rowKey);
  // No row twice.
  expect(listed.filter((k, i) => listed.indexOf(k) !== i)).toEqual([]);
  expect([...existing].filter((k) => !listed.includes(k)).sort(), 'pages, routes and actions without a row').toEqual([]);
  expect(listed.filter((k) => !existing.has(k)).sort(), 'rows naming something that no longer exists').toEqual([]);
  // Every row that touches records names all actors (cells() enforces it); public rows give their reason.
  for (const r of ROWS) {
    if (r.public) expect(r.public.length, rowKey(r)).toBeGreaterThan(2);
    else expect(Object.keys(r.expect).sort(), rowKey(r)).toEqual([...ACTORS].sort());
  }
});

test.describe('授权矩阵', () => {
  // One set of fixtures and sessions for the cells (the enumeration above runs on its own).
  test.describe.configure({ mode: 'serial' });
  let fx: Fx;
  const fetchers = {} as Fetcher;
  let actions: Map<string, { id: string; page: string }>;
  /** The 梁溪区 clerk and auditor made in beforeAll (usernames). */
  const district = { clerk: '', auditor: '' };

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    actions = manifestActions();
    const phones = { owner: freshPhone(), other: freshPhone(), proxy: freshPhone(), proxyView: freshPhone(), proxyNone: freshPhone(), proxyRevoked: freshPhone() };
    const idNumber = freshIdNumber();
    // The owner's applications: A is rejected by the Wuxi clerk (a decision to show), B stays submitted.
    const first = JSON.parse(await support('tests/e2e/support/resident-app.ts', phones.owner, idNumber, '严矩阵')) as { ref: string; id: string; documentId: string };
    const second = JSON.parse(await support('tests/e2e/support/resident-app.ts', phones.owner, idNumber, '严矩阵')) as { ref: string; id: string; documentId: string };
    actAsStaff('wuxi.clerk', first.ref, 'reject', { reasonCode: 'other', reason: '授权矩阵测试', clause: '001 四(六)' });
    // Shanghai has no demo admin or auditor, Wuxi no district clerk: made here, the admin with its second factor on
    // (before the fixtures: the Shanghai admin runs the impact preview).
    const stamp = Date.now() % 1_000_000;
    district.clerk = `wx.district.${stamp}`;
    district.auditor = `wx.district.auditor.${stamp}`;
    const SH_ADMIN_TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await Promise.all([
      support('tests/e2e/support/create-staff.ts', `sh.admin.${stamp}`, 'admin', DEMO_PASSWORD, '--region=shanghai', `--totp=${SH_ADMIN_TOTP}`),
      support('tests/e2e/support/create-staff.ts', `sh.auditor.${stamp}`, 'auditor', DEMO_PASSWORD, '--region=shanghai'),
      support('tests/e2e/support/create-staff.ts', district.clerk, 'clerk', DEMO_PASSWORD, '--region=wuxi', '--district=梁溪区'),
      support('tests/e2e/support/create-staff.ts', district.auditor, 'auditor', DEMO_PASSWORD, '--region=wuxi', '--district=梁溪区'),
    ]);
    const nobodyPhone = freshPhone();
    const counterIdNumbers = [freshIdNumber(), freshIdNumber()];
    const setup = JSON.parse(
      await support(
        'tests/e2e/support/authz-fixtures.ts',
        'setup',
        JSON.stringify({
          ownerPhone: phones.owner, ownerName: '严矩阵', ownerIdNumber: idNumber, otherPhone: phones.other, nobodyPhone, counterIdNumbers, shAdmin: `sh.admin.${stamp}`,
          proxies: { proxy: phones.proxy, proxyView: phones.proxyView, proxyNone: phones.proxyNone, proxyRevoked: phones.proxyRevoked },
        }),
      ),
    ) as Omit<Fx, 'idNumber' | 'A' | 'B' | 'otherPhone' | 'nobodyPhone' | 'counterIdNumber' | 'authorities'> & { authorityIds: Fx['authorities'] };
    // Three drafts of the owner's person: `draft` for the pages, `ownerDraft` and `proxyDraft` as the owner's and the
    // proxy's write targets (the proxy writes by its 'apply' authority), so their allowed writes never meet.
    fx = {
      ...setup, idNumber, A: first, B: second, otherPhone: phones.other, nobodyPhone, counterIdNumber: counterIdNumbers[0]!,
      authorities: { proxyView: setup.authorityIds.proxyView, proxyNone: setup.authorityIds.proxyNone },
    };
    const staff: [Actor, string, string | null][] = [
      ['wxClerk', 'wuxi.clerk', null], ['wxReviewer', 'wuxi.reviewer', null], ['wxAdmin', 'admin', DEMO_ADMIN_TOTP_SECRET], ['wxAuditor', 'auditor', null], ['wxDistrict', district.clerk, null],
      ['shClerk', 'shanghai.clerk', null], ['shReviewer', 'shanghai.reviewer', null], ['shAdmin', `sh.admin.${stamp}`, SH_ADMIN_TOTP], ['shAuditor', `sh.auditor.${stamp}`, null],
    ];
    const signIns: (() => Promise<[Actor, Awaited<ReturnType<Browser['newContext']>>]>)[] = [
      ...RESIDENTS.map((a) => async () => {
        const context = await browser.newContext();
        await signInResident(await context.newPage(), phones[a]);
        return [a, context] as [Actor, typeof context];
      }),
      ...staff.map(([a, username, secret]) => async () => {
        const context = await browser.newContext();
        await signInStaff(await context.newPage(), username, '/admin', secret);
        return [a, context] as [Actor, typeof context];
      }),
    ];
    await inBatches(signIns, 4, async (signIn) => {
      const [a, context] = await signIn();
      fetchers[a] = await playwrightRequest.newContext({ baseURL: BASE, storageState: await context.storageState() });
      await context.close();
    });
    fetchers.anon = await playwrightRequest.newContext({ baseURL: BASE });
  });

  test.afterAll(async () => {
    await Promise.all(Object.values(fetchers).map((f) => f.dispose()));
  });

  test('服务器操作的请求格式与浏览器发出的一致（React encodeReply：绑定值在前，表单是 $K1）', async ({ browser }) => {
    const context = await browser.newContext({ storageState: await fetchers.owner.storageState() });
    const page = await context.newPage();
    let captured: { action: string; type: string; body: Buffer } | null = null;
    // The browser's own request, stopped before it reaches the server (nothing is saved).
    await page.route('**/*', async (route) => {
      const action = route.request().headers()['next-action'];
      if (!action) return route.continue();
      captured = { action, type: route.request().headers()['content-type'] ?? '', body: route.request().postDataBuffer()! };
      return route.abort();
    });
    await page.goto(`/apply/${fx.ownerDraft.id}/bank`);
    await page.getByLabel('开户银行').fill('矩阵银行');
    await page.getByRole('button', { name: '保存并继续' }).click();
    await expect.poll(() => captured !== null).toBe(true);
    const got = captured as unknown as { action: string; type: string; body: Buffer };
    expect(got.action).toBe(actions.get('app/(resident)/apply/actions.ts#saveStepAction')!.id);
    expect(got.type).toMatch(/^multipart\/form-data/);
    const form = await new Response(new Uint8Array(got.body), { headers: { 'content-type': got.type } }).formData();
    const args = JSON.parse(String(form.get('0'))) as unknown[];
    // saveStepAction.bind(null, draftId, 'bank') under useActionState: [draftId, 'bank', previous state, the form].
    expect(args.slice(0, 2)).toEqual([fx.ownerDraft.id, 'bank']);
    const formRef = String(args.at(-1));
    expect(formRef).toMatch(/^\$K\d+$/);
    expect(form.get(`_${formRef.slice(2)}_bankName`)).toBe('矩阵银行');
    // What this spec sends for the same call has the browser's shape: the same argument order, the same field names.
    const ours = actionBody([fx.ownerDraft.id, 'bank'], { bankName: '矩阵银行', accountName: '', account: '' });
    expect(JSON.parse(String(ours.get('0')))).toEqual([fx.ownerDraft.id, 'bank', '$K1']);
    expect(formRef).toBe('$K1');
    const browserKeys = [...form.keys()].filter((k) => !k.includes('$ACTION'));
    expect([...ours.keys()]).toEqual(browserKeys);
    await context.close();
  });

  test('每一格：页面、接口和服务器操作对每类用户的结果与矩阵一致；被拒的写操作不改任何记录', async () => {
    test.setTimeout(420_000);
    type Cell = { row: Row; actor: Actor; expected: Outcome };
    const all: Cell[] = ROWS.flatMap((row) => Object.entries(row.expect).map(([actor, expected]) => ({ row, actor: actor as Actor, expected })));
    const writes = (r: Row) => r.kind === 'action' || r.method === 'POST';
    const reads = all.filter((c) => !writes(c.row));
    // Calls that must change no record: every refusal, and the allowed calls that write none (a reveal, unassigning
    // an unassigned case, a filter, a state check that says no).
    const nonWriting = all.filter((c) => writes(c.row) && !c.row.writers?.includes(c.actor));
    const doers = all.filter((c) => writes(c.row) && c.row.writers?.includes(c.actor));
    const wrong: string[] = [];
    const check = async (c: Cell) => {
      const actual = await callCell(fetchers[c.actor], c.row, c.actor, fx, actions);
      if (!matches(c.expected, actual)) wrong.push(`${rowKey(c.row)} × ${c.actor}: expected ${c.expected}, got ${actual}`);
    };
    // Reads first (they write nothing but audit rows), then the calls that must not write, compared with the database.
    await inBatches(reads, 6, check);
    const before = await snapshot();
    await inBatches(nonWriting, 6, check);
    const after = await snapshot();
    expect(after, 'a refused action changed a record').toEqual(before);
    // Last, the writes that are allowed, one at a time in table order (the proxy on its own draft) …
    for (const c of doers) await check(c);
    expect(wrong).toEqual([]);
    // … and the digest sees them (uploads added documents, drafts were created and deleted), so it would have seen
    // a refused write too.
    const end = await snapshot();
    expect(end.documents).not.toBe(after.documents);
    expect(end.applications).not.toBe(after.applications);
    console.log(`authz matrix: ${ROWS.length} rows (${ROWS.filter((r) => r.public).length} public), ${ACTORS.length} actors, ${all.length} cells`);
  });

  test('区级工作人员只看到本区的预警名单、导入、任务和审计记录，全市的工作人员都看得到', async ({ browser }) => {
    test.setTimeout(120_000);
    // A case of 梁溪区 (filed, then moved to the district), rejected by the city clerk: an audit row about it.
    const inDistrict = JSON.parse(await support('tests/e2e/support/resident-app.ts', freshPhone(), freshIdNumber(), '区矩阵')) as { ref: string; id: string };
    const made = JSON.parse(await support('tests/e2e/support/district-fixtures.ts', inDistrict.id, district.clerk)) as { watchId: string; districtJob: string; cityJob: string };
    actAsStaff('wuxi.clerk', inDistrict.ref, 'reject', { reasonCode: 'other', reason: '授权矩阵：区级测试', clause: '001 四(六)' });
    const context = await browser.newContext();
    await signInStaff(await context.newPage(), district.auditor);
    const districtAuditor = await playwrightRequest.newContext({ baseURL: BASE, storageState: await context.storageState() });
    await context.close();
    const text = async (who: APIRequestContext, path: string) => {
      const res = await who.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(200);
      return res.text();
    };
    // Watch list: the owner's entry (no case in 梁溪区) and the 梁溪区 person's entry.
    for (const [who, sees, hidden] of [[fetchers.wxDistrict, ['授权矩阵：梁溪区的预警'], ['授权矩阵：近12个月自付占收入的 60%']], [fetchers.wxClerk, ['授权矩阵：梁溪区的预警', '授权矩阵：近12个月自付占收入的 60%'], []]] as const) {
      const page = await text(who, '/admin/watchlist');
      for (const s of sees) expect(page).toContain(s);
      for (const s of hidden) expect(page).not.toContain(s);
    }
    // Imports: the one the 梁溪区 clerk started, not the city clerk's; the city clerk sees both.
    for (const [who, sees, hidden] of [[fetchers.wxDistrict, ['授权矩阵：梁溪区的导入'], ['授权矩阵：全市的导入']], [districtAuditor, ['授权矩阵：梁溪区的导入'], ['授权矩阵：全市的导入']], [fetchers.wxClerk, ['授权矩阵：梁溪区的导入', '授权矩阵：全市的导入'], []]] as const) {
      const page = await text(who, '/admin/imports');
      for (const s of sees) expect(page).toContain(s);
      for (const s of hidden) expect(page).not.toContain(s);
    }
    // Job pages: the district's own job opens, the city's is not found.
    expect((await fetchers.wxDistrict.get(`/admin/jobs/${made.districtJob}`, { maxRedirects: 0 })).status()).toBe(200);
    expect((await fetchers.wxDistrict.get(`/admin/jobs/${made.cityJob}`, { maxRedirects: 0 })).status()).toBe(404);
    expect((await districtAuditor.get(`/admin/jobs/${made.cityJob}`, { maxRedirects: 0 })).status()).toBe(404);
    expect((await fetchers.wxClerk.get(`/admin/jobs/${made.districtJob}`, { maxRedirects: 0 })).status()).toBe(200);
    // Audit log, the rejections: the district auditor sees the 梁溪区 case's, not the owner's A (no district); the
    // city auditor both.
    const theirs = await text(districtAuditor, '/admin/audit?action=application.reject');
    expect(theirs).toContain(inDistrict.ref);
    expect(theirs).not.toContain(fx.A.ref);
    const city = await text(fetchers.wxAuditor, '/admin/audit?action=application.reject');
    expect(city).toContain(inDistrict.ref);
    expect(city).toContain(fx.A.ref);
    await districtAuditor.dispose();
  });
});
