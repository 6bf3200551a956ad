import 'server-only';
// Reading the audit log (auditors and admins): filters by person (身份证号 → its HMAC → the person → their
// applications, documents and accounts), staff user, action and date range, paginated on the server. Scoped to
// the reader's area (lib/dal/access.ts staffAreaWhere): rows by a staff user of the region, or about an
// application of the region; a district's reader, rows by staff of that district or about its applications.
import { stringify } from 'csv-stringify/sync';
import { and, count, desc, eq, gte, inArray, isNotNull, lt, ne, or, type SQL } from 'drizzle-orm';
import { lookupHash } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { staffAreaWhere } from '@/lib/dal/access';
import type { SessionUser } from '@/lib/dal/users';
import { formatDateTime } from '@/lib/format';
import { refuse, type Result } from '@/lib/result';
import { q, schema, type Db } from '@/lib/store/db';
import { verbAuditLabels } from '@/lib/workflow';

export const AUDIT_READERS = ['auditor', 'admin'] as const;
export const AUDIT_PAGE_SIZE = 50;
const EXPORT_MAX = 10_000;

/** Every audited action in words; the application verbs' labels come from the verbs themselves (lib/workflow). */
export const ACTION_LABELS: Record<string, string> = {
  'staff.login': '工作人员登录',
  'staff.login_failed': '工作人员登录失败',
  'account.create': '居民注册',
  'session.revoke_all': '注销全部登录',
  'draft.create': '新建草稿',
  'draft.delete': '删除草稿',
  'document.upload': '上传材料',
  'document.view': '查看材料',
  'application.view': '查看申请',
  'application.reveal': '查看完整个人信息',
  ...verbAuditLabels(),
  'payments.export_batch': '导出发放批次',
  'payments.import_result': '导入银行结果',
  'audit.export': '导出审计日志',
  'parameter.publish': '发布参数新版本',
  'parameter.close': '结束参数现行版本',
  'parameter.impact': '预览参数变化的影响',
};
export const actionLabel = (a: string) => ACTION_LABELS[a] ?? a;

export type AuditFilters = { personId?: string; userId?: string; action?: string; from?: string; to?: string; page?: number };

/**
 * 身份证号 → the person's id through its HMAC (never a scan of decrypted rows), for a reader of this region only:
 * null when nobody has it *in the reader's region* (hukou or insured there, or an application there), so an
 * auditor of another region cannot learn from the filter that somebody applied for assistance elsewhere.
 */
export async function personIdByIdNumber(actor: SessionUser, idNumber: string): Promise<string | null> {
  if (!(AUDIT_READERS as readonly string[]).includes(actor.role) || !actor.region) return null;
  const p = schema.persons;
  const [row] = await q((db) => db.select({ id: p.id, hukouRegion: p.hukouRegion, insuredRegion: p.insuredRegion }).from(p).where(eq(p.idNumberHmac, lookupHash(`id:${idNumber.trim().toUpperCase()}`))));
  if (!row) return null;
  // A district's reader: only a person with a case in the district (a person has no district of their own).
  if (!actor.district && (row.hukouRegion === actor.region || row.insuredRegion === actor.region)) return row.id;
  const t = schema.applications;
  const [here] = await q((db) => db.select({ id: t.id }).from(t).where(and(eq(t.personId, row.id), staffAreaWhere(actor, t.region, t.district), ne(t.status, 'draft'))).limit(1));
  return here ? row.id : null;
}

/** Start of a Shanghai calendar day as the ISO instant the log stores. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
const nextDayStart = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

async function whereFor(actor: SessionUser, f: AuditFilters): Promise<SQL | undefined> {
  const a = schema.auditLog;
  const actorUser = schema.users;
  const t = schema.applications;
  const conds: (SQL | undefined)[] = [
    or(staffAreaWhere(actor, actorUser.region, actorUser.district), and(eq(a.entity, 'application'), staffAreaWhere(actor, t.region, t.district))),
  ];
  if (f.personId) {
    const pid = f.personId;
    const [apps, users] = await Promise.all([
      q((db) => db.select({ id: t.id }).from(t).where(eq(t.personId, pid))),
      q((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.personId, pid))),
    ]);
    const appIds = apps.map((x) => x.id);
    const docs = appIds.length ? await q((db) => db.select({ id: schema.documents.id }).from(schema.documents).where(inArray(schema.documents.applicationId, appIds))) : [];
    const about: SQL[] = [and(eq(a.entity, 'person'), eq(a.entityId, pid))!];
    if (appIds.length) about.push(and(eq(a.entity, 'application'), inArray(a.entityId, appIds))!);
    if (docs.length) about.push(and(eq(a.entity, 'document'), inArray(a.entityId, docs.map((d) => d.id)))!);
    if (users.length) about.push(and(eq(a.entity, 'user'), inArray(a.entityId, users.map((u) => u.id)))!);
    conds.push(or(...about));
  }
  if (f.userId) conds.push(eq(a.actorUserId, f.userId));
  if (f.action) conds.push(eq(a.action, f.action));
  if (f.from) conds.push(gte(a.at, dayStart(f.from)));
  if (f.to) conds.push(lt(a.at, nextDayStart(f.to)));
  return and(...conds);
}

function baseQuery() {
  const a = schema.auditLog;
  // The acting user (for region scope and the name shown) and the application the row is about (for its reference).
  const actorUser = schema.users;
  const t = schema.applications;
  return { a, actorUser, t };
}

/** The rows matching `where`, newest first, as the page and the export show them. */
function auditRows(db: Db, where: SQL | undefined) {
  const { a, actorUser, t } = baseQuery();
  return db
    .select({ id: a.id, at: a.at, actorName: actorUser.displayName, actorRole: a.actorRole, action: a.action, entity: a.entity, entityId: a.entityId, ref: t.ref, ip: a.ip, summary: a.summary, authorityId: a.authorityId })
    .from(a)
    .leftJoin(actorUser, eq(actorUser.id, a.actorUserId))
    .leftJoin(t, and(eq(a.entity, 'application'), eq(t.id, a.entityId)))
    .where(where)
    .orderBy(desc(a.id));
}

export type AuditRow = { id: number; at: string; actorName: string | null; actorRole: string | null; action: string; entity: string; entityId: string | null; ref: string | null; ip: string | null; summary: unknown; authorityId: string | null };

export async function searchAudit(actor: SessionUser, f: AuditFilters): Promise<Result<{ rows: AuditRow[]; total: number; page: number; pages: number }>> {
  if (!(AUDIT_READERS as readonly string[]).includes(actor.role)) return refuse('forbidden', '只有审计员和管理员可以查看审计日志。');
  const { a, actorUser, t } = baseQuery();
  const where = await whereFor(actor, f);
  const page = Math.max(1, Math.floor(f.page ?? 1));
  return q(async (db) => {
    const [{ n }] = (await db
      .select({ n: count() })
      .from(a)
      .leftJoin(actorUser, eq(actorUser.id, a.actorUserId))
      .leftJoin(t, and(eq(a.entity, 'application'), eq(t.id, a.entityId)))
      .where(where)) as [{ n: number }];
    const rows = await auditRows(db, where).limit(AUDIT_PAGE_SIZE).offset((page - 1) * AUDIT_PAGE_SIZE);
    return { ok: true as const, rows, total: Number(n), page, pages: Math.max(1, Math.ceil(Number(n) / AUDIT_PAGE_SIZE)) };
  });
}

/** Staff users of the reader's area, for the "staff user" filter. */
export async function regionStaff(actor: SessionUser) {
  const u = schema.users;
  return q((db) =>
    db
      .select({ id: u.id, displayName: u.displayName, username: u.username, role: u.role })
      .from(u)
      .where(and(staffAreaWhere(actor, u.region, u.district), isNotNull(u.username)))
      .orderBy(u.displayName),
  );
}

/** The filtered rows as CSV (at most 10,000, newest first); the export itself is written to the log. */
export async function exportAudit(actor: SessionUser, f: AuditFilters, ctx: { ip?: string | null } = {}): Promise<Result<{ csv: string; count: number; truncated: boolean }>> {
  if (!(AUDIT_READERS as readonly string[]).includes(actor.role)) return refuse('forbidden', '只有审计员和管理员可以导出审计日志。');
  const where = await whereFor(actor, f);
  const rows = await q((db) => auditRows(db, where).limit(EXPORT_MAX + 1));
  const truncated = rows.length > EXPORT_MAX;
  const list = rows.slice(0, EXPORT_MAX);
  const csv = stringify(
    list.map((r) => [String(r.id), formatDateTime(r.at), r.at, r.actorName ?? '', r.actorRole ?? '', r.action, actionLabel(r.action), r.entity, r.ref ?? r.entityId ?? '', r.ip ?? '', r.summary === null ? '' : JSON.stringify(r.summary)]),
    { header: true, columns: ['编号', '时间', '时间（UTC）', '操作人', '角色', '操作代码', '操作', '对象', '记录', '地址', '变更摘要'], bom: true, record_delimiter: 'windows' },
  );
  await writeAudit({
    actorUserId: actor.id, actorRole: actor.role, action: 'audit.export', entity: 'audit_log', entityId: null, ip: ctx.ip,
    // The filters as ids and dates only: a 身份证号 typed into the filter is never written anywhere.
    summary: { filters: { personId: f.personId ?? null, userId: f.userId ?? null, action: f.action ?? null, from: f.from ?? null, to: f.to ?? null }, count: list.length, truncated },
  });
  return { ok: true, csv, count: list.length, truncated };
}

