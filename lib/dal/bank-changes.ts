import 'server-only';
// Changing the account an application is paid to, without touching the database: the resident (or a proxy whose
// authority has receive_payment) asks with the new account, encrypted at rest and shown masked; a clerk or
// reviewer of the area verifies it against the passbook or card, four eyes with the one who approved the payment.
// Batches are files made at export from the application's account, so a batch already exported keeps the old
// account and the verified one goes into the next batch. After a transfer the bank returned (a closed account),
// the same form asks for the new one (cause payment_failed). Every staff decision is audited in its transaction.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { encrypt } from '@/lib/personal/crypto';
import { canAccess, loadApplication, staffAreaWhere, type AppRow } from '@/lib/dal/access';
import { CASE_HANDLERS } from '@/lib/auth/roles';
import { writeAudit } from '@/lib/dal/audit';
import { deriveState, type Derived } from '@/lib/dal/ledger';
import { notifyApplication } from '@/lib/dal/notifications';
import type { SessionUser } from '@/lib/dal/users';
import { maskBankAccount, maskName } from '@/lib/format';
import { openName } from '@/lib/personal/records';
import { notFound, refuse, type Result } from '@/lib/result';
import { q, schema, transaction } from '@/lib/store/db';
import { validateBank } from '@/lib/validation/apply';

/** A change may be asked while the money has not gone out yet. */
const OPEN_STATES = ['submitted', 'accepted', 'in_review', 'needs_info', 'approved'] as const;
export const BANK_VERIFIERS = CASE_HANDLERS;
export const BANK_CHANGE_TEXT = { pending: '等待工作人员核实', verified: '已核实，下一批发放起使用新账户', refused: '未通过核实' } as const;

export type BankChangeView = { id: string; status: keyof typeof BANK_CHANGE_TEXT; bankName: string; accountMasked: string; cause: string; createdAt: string; decidedAt: string | null; answer: string | null };

/** The application as its owner, or a proxy with receive_payment, may change its account (else null: 404). */
async function loadForPayee(actor: SessionUser, ref: string): Promise<AppRow | null> {
  if (actor.role !== 'resident') return null;
  // The owner always passes; a proxy needs receive_payment (lib/dal/access.ts canAccess).
  return loadApplication(actor, { ref }, 'receive_payment');
}

const viewOf = (r: typeof schema.bankAccountChanges.$inferSelect): BankChangeView => ({
  id: r.id, status: r.status, bankName: r.bankName, accountMasked: maskBankAccount(r.accountLast4), cause: r.cause, createdAt: r.createdAt, decidedAt: r.decidedAt, answer: r.answer,
});

async function paymentStateOf(applicationId: string): Promise<Derived> {
  const p = schema.payments;
  return deriveState(await q((db) => db.select().from(p).where(eq(p.applicationId, applicationId)).orderBy(asc(p.createdAt))));
}

/**
 * For the application page: whether this resident may ask for another account (the owner, or a proxy whose
 * authority has receive_payment; others would find the page not found), and a transfer the bank returned, so a
 * closed account leads straight to the change form.
 */
export async function bankChangeOffer(actor: SessionUser, app: AppRow): Promise<{ canChange: boolean; failed: Derived['lastFailure'] }> {
  if (actor.role !== 'resident' || !(OPEN_STATES as readonly string[]).includes(app.status) || !(await canAccess(actor, app, 'receive_payment'))) return { canChange: false, failed: null };
  const derived = await paymentStateOf(app.id);
  return { canChange: true, failed: derived.state === 'failed' ? derived.lastFailure : null };
}

/** What the payee's page shows: the account in use (masked), the changes asked for, and a returned transfer. */
export async function bankChangePage(actor: SessionUser, ref: string) {
  const app = await loadForPayee(actor, ref);
  if (!app) return null;
  const c = schema.bankAccountChanges;
  const changes = await q((db) => db.select().from(c).where(eq(c.applicationId, app.id)).orderBy(desc(c.createdAt)));
  const derived = await paymentStateOf(app.id);
  return {
    ref: app.ref!, status: app.status, open: (OPEN_STATES as readonly string[]).includes(app.status),
    current: app.bankAccountLast4 ? { bankName: app.bankName ?? '', accountMasked: maskBankAccount(app.bankAccountLast4) } : null,
    changes: changes.map(viewOf), pending: changes.some((x) => x.status === 'pending'),
    failed: derived.state === 'failed' ? derived.lastFailure : null,
  };
}

/** The resident asks; the account holder must be the applicant (the money is theirs). One open request at a time. */
export async function requestBankChange(actor: SessionUser, ref: string, values: Record<string, string>, ip?: string | null): Promise<Result<{ id: string }>> {
  const app = await loadForPayee(actor, ref);
  if (!app || !app.personId) return notFound();
  if (!(OPEN_STATES as readonly string[]).includes(app.status)) return refuse('conflict', '这份申请的救助金已经发放或已经办结，不能再更换收款账户。');
  const [person] = await q((db) => db.select({ nameEnc: schema.persons.nameEnc }).from(schema.persons).where(eq(schema.persons.id, app.personId!)));
  const bank = validateBank(values, person?.nameEnc ? openName(person.nameEnc) : null);
  if (!bank.ok) return refuse('invalid', '有几处需要修改，请看标出的地方。', bank.fieldErrors);
  const cause = (await paymentStateOf(app.id)).state === 'failed' ? 'payment_failed' : 'resident';
  const c = schema.bankAccountChanges;
  return transaction(async (db) => {
    const open = await db.select({ id: c.id }).from(c).where(and(eq(c.applicationId, app.id), eq(c.status, 'pending')));
    if (open.length) return refuse('conflict', '已经有一个更换申请在等待核实，请等工作人员核实后再提交。');
    const [row] = await db
      .insert(c)
      .values({ applicationId: app.id, requestedByUserId: actor.id, cause, bankName: bank.data.bankName, accountEnc: encrypt(bank.data.account), accountLast4: bank.data.account.slice(-4) })
      .returning({ id: c.id });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'bank_change.request', entity: 'application', entityId: app.id, ip, summary: { ref, change: row!.id, cause } });
    return { ok: true as const, id: row!.id };
  });
}

export type PendingBankChange = { id: string; ref: string; applicantMasked: string; bankName: string; accountMasked: string; oldMasked: string | null; cause: string; createdAt: string };

/** The area's open requests (clerks and reviewers decide; auditors read). Masked only. */
export async function pendingBankChanges(actor: SessionUser): Promise<PendingBankChange[]> {
  if (![...BANK_VERIFIERS, 'admin', 'auditor'].includes(actor.role) || !actor.region) return [];
  const c = schema.bankAccountChanges;
  const t = schema.applications;
  const rows = await q((db) =>
    db
      .select({ c, ref: t.ref, last4: t.bankAccountLast4, nameEnc: schema.persons.nameEnc })
      .from(c)
      .innerJoin(t, eq(t.id, c.applicationId))
      .leftJoin(schema.persons, eq(schema.persons.id, t.personId))
      .where(and(eq(c.status, 'pending'), staffAreaWhere(actor, t.region, t.district)))
      .orderBy(asc(c.createdAt)),
  );
  return rows.map((r) => ({
    id: r.c.id, ref: r.ref!, applicantMasked: r.nameEnc ? maskName(openName(r.nameEnc)) : '', bankName: r.c.bankName, accountMasked: maskBankAccount(r.c.accountLast4),
    oldMasked: r.last4 ? maskBankAccount(r.last4) : null, cause: r.c.cause, createdAt: r.c.createdAt,
  }));
}

/**
 * A clerk or reviewer of the area verifies (the application's account becomes the new one) or refuses with a
 * reason. Four eyes: not the one who asked, nor the one who approved this case's payment. Compare-and-set on
 * the request; the audit row (old and new last four digits only) and the applicant's notice in the same transaction.
 */
export async function decideBankChange(actor: SessionUser, id: string, input: { decision: 'verified' | 'refused'; answer: string }, ip?: string | null): Promise<Result<{ ref: string }>> {
  if (!(BANK_VERIFIERS as readonly string[]).includes(actor.role)) return notFound();
  const c = schema.bankAccountChanges;
  const [change] = await q((db) => db.select().from(c).where(eq(c.id, id)));
  if (!change) return notFound();
  const app = await loadApplication(actor, { id: change.applicationId }, 'view');
  if (!app) return notFound();
  if (change.status !== 'pending') return refuse('conflict', '这个更换申请已经处理过了。');
  if (input.decision === 'refused' && !input.answer.trim()) return refuse('invalid', '请写明不通过的原因', { answer: '请写明不通过的原因，申请人会看到' });
  const e = schema.events;
  const approvers = await q((db) => db.select({ by: e.actorUserId }).from(e).where(and(eq(e.applicationId, app.id), inArray(e.type, ['approve', 'direct_award', 'correct_amount']))));
  if (change.requestedByUserId === actor.id || approvers.some((a) => a.by === actor.id)) {
    return refuse('forbidden', '批准这笔救助金的工作人员不能核实它的收款账户，请另一位同事核实。');
  }
  return transaction(async (db) => {
    const now = new Date().toISOString();
    const done = await db
      .update(c)
      .set({ status: input.decision, decidedByUserId: actor.id, decidedAt: now, answer: input.answer.trim() || null })
      .where(and(eq(c.id, id), eq(c.status, 'pending')))
      .returning({ id: c.id });
    if (done.length === 0) return refuse('conflict', '这个更换申请刚刚被其他人处理过。');
    if (input.decision === 'verified') {
      await db.update(schema.applications).set({ bankAccountEnc: change.accountEnc, bankAccountLast4: change.accountLast4, bankName: change.bankName, updatedAt: now }).where(eq(schema.applications.id, app.id));
    }
    await writeAudit({
      actorUserId: actor.id, actorRole: actor.role, action: `bank_change.${input.decision === 'verified' ? 'verify' : 'refuse'}`, entity: 'application', entityId: app.id, ip,
      summary: { ref: app.ref, change: id, before: { last4: app.bankAccountLast4 }, after: { last4: input.decision === 'verified' ? change.accountLast4 : app.bankAccountLast4 } },
    });
    const masked = maskBankAccount(change.accountLast4);
    const body = input.decision === 'verified'
      ? `您的申请 ${app.ref} 的收款账户已更换为 ${change.bankName} ${masked}，下一批发放起使用新账户；已经交给银行的批次仍按原账户发放。`
      : `您的申请 ${app.ref} 更换收款账户（${masked}）未通过核实：${input.answer.trim()}。原账户不变。`;
    await notifyApplication(app, input.decision === 'verified' ? `申请 ${app.ref}：收款账户已更换` : `申请 ${app.ref}：更换收款账户未通过`, body);
    return { ok: true as const, ref: app.ref! };
  });
}
