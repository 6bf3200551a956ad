import { z } from 'zod';
import { todayInShanghai } from '@/lib/format';
import { refuse } from '@/lib/result';
import type { Verb } from '@/lib/workflow/run';
import { note, statusNotice } from './common';

export type RequestInfoInput = { message: string; requireDocuments: boolean; documents: string[]; dueDate?: string };

/**
 * 补正: staff say what is missing, which documents must be uploaded (the answer is refused without an
 * upload then) and by when; the applicant answers through `answer` and sees the list on their page.
 */
export const requestInfo: Verb<RequestInfoInput> = {
  name: 'request_info',
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
