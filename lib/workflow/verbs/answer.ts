import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { q, schema } from '@/lib/store/db';
import { refuse } from '@/lib/result';
import type { Verb } from '@/lib/workflow/run';
import { optionalNote, statusNotice } from './common';

/** 补正 answered: the note and every upload made for it since the request; back to review. */
export const answer: Verb<{ message: string }, { documentIds: string[] }> = {
  name: 'answer',
  from: ['needs_info'], to: 'in_review', by: ['applicant'],
  label: '提交补正材料',
  access: 'respond',
  input: z.object({ message: optionalNote }),
  prepare: async (c) => {
    const d = schema.documents;
    const pending = await q((db) =>
      db.select({ id: d.id }).from(d).where(and(eq(d.applicationId, c.app.id), eq(d.kind, 'supplement'), eq(d.uploadedBy, c.actor.id), isNull(d.eventId))),
    );
    const [request] = await q((db) =>
      db.select({ data: schema.events.data }).from(schema.events).where(and(eq(schema.events.applicationId, c.app.id), eq(schema.events.type, 'request_info'))).orderBy(desc(schema.events.createdAt)).limit(1),
    );
    const needsFiles = Boolean((request?.data as { requireDocuments?: boolean } | null)?.requireDocuments);
    if (needsFiles && pending.length === 0) return refuse('invalid', '工作人员要求上传补正材料，请先选择文件。', { file: '请选择要上传的补正材料（照片或 PDF）' });
    if (!c.input.message && pending.length === 0) return refuse('invalid', '请补充必填内容。', { message: '请写下补充说明，或上传补正材料' });
    return { ok: true, value: { documentIds: pending.map((p) => p.id) } };
  },
  event: (c) => ({ message: c.input.message || null }),
  effects: async (c) => {
    if (c.prepared.documentIds.length === 0) return;
    const d = schema.documents;
    await c.db.update(d).set({ eventId: c.eventId }).where(and(inArray(d.id, c.prepared.documentIds), eq(d.applicationId, c.app.id), eq(d.uploadedBy, c.actor.id)));
  },
  notice: (c) => statusNotice('answer', c.ref, c.to, c.input.message),
};
