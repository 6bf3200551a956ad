import { z } from 'zod';
import { todayInShanghai } from '@/lib/format';
import { refuse } from '@/lib/result';
import type { Verb } from '@/lib/workflow/run';
import { answer, messageField } from '@/lib/workflow/forms';
import { note, statusNotice } from './common';

export type RequestInfoInput = { message: string; requireDocuments: boolean; documents: string[]; dueDate?: string };

/**
 * 补正: staff say what is missing, which documents must be uploaded (the answer is refused without an
 * upload then) and by when; the applicant answers through `answer` and sees the list on their page.
 */
export const requestInfo: Verb<RequestInfoInput> = {
  name: 'request_info',
  from: ['accepted', 'in_review'], to: 'needs_info', by: ['clerk', 'reviewer'],
  label: '要求补正材料',
  staffForm: {
    usually: 'clerk',
    confirm: '确认要求申请人补正，申请人会收到通知',
    fields: (c) => [
      messageField('需要申请人补充什么'),
      { kind: 'textarea', name: 'documents', label: '必须上传的材料（每行一种，可不填）', hint: '填写后，申请人不上传材料就不能提交补正。例如：出院小结' },
      { kind: 'date', name: 'dueDate', label: '补正期限', hint: '不能早于今天', defaultValue: c.defaultDueDate },
    ],
    read: (v) => {
      const documents = answer(v, 'documents').split(/\r?\n|[；;]/).map((s) => s.trim()).filter(Boolean);
      return { input: { message: answer(v, 'message'), documents, requireDocuments: documents.length > 0, ...(answer(v, 'dueDate') ? { dueDate: answer(v, 'dueDate') } : {}) } };
    },
  },
  input: z.object({
    message: note('请写明需要补充哪些材料'),
    requireDocuments: z.boolean().optional().default(false),
    documents: z.array(z.string().trim().min(1, '材料名称不能为空').max(100, '材料名称不能超过 100 字')).max(20, '一次最多列 20 种材料').optional().default([]),
    dueDate: z.iso.date('请填写补正期限（日期）').optional(),
  }),
  prepare: async (c) => {
    if (c.input.dueDate && c.input.dueDate < todayInShanghai(c.now)) return refuse('invalid', '补正期限不能早于今天。', { dueDate: '补正期限不能早于今天' });
    return { ok: true, value: undefined };
  },
  event: (c) => ({
    message: c.input.message,
    data: { requireDocuments: c.input.requireDocuments || c.input.documents.length > 0, documents: c.input.documents, dueDate: c.input.dueDate ?? null },
  }),
  notice: (c) => statusNotice('request_info', c.ref, c.to, c.input.dueDate ? `${c.input.message}（请在 ${c.input.dueDate} 前补正）` : c.input.message),
};
