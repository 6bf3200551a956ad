import { z } from 'zod';
import type { Verb } from '@/lib/workflow/run';
import { messageField } from '@/lib/workflow/forms';
import { note, statusNotice } from './common';

/** 转办 to the region or department that should handle it, with the reason. */
export const transfer: Verb<{ message: string; transferredTo: string }> = {
  name: 'transfer',
  from: ['submitted', 'accepted', 'in_review'], to: 'transferred', by: ['clerk', 'reviewer'],
  label: '转办',
  staffForm: {
    usually: 'clerk',
    confirm: '确认转办，转办后本地区不再办理',
    fields: () => [{ kind: 'text', name: 'transferredTo', label: '转给哪个地区或部门' }, messageField('转办说明')],
  },
  input: z.object({ message: note('请写明转办原因'), transferredTo: z.string({ error: '请写明转给哪个地区或部门' }).trim().min(1, '请写明转给哪个地区或部门').max(200, '不能超过 200 字') }),
  patch: (c) => ({ transferredTo: c.input.transferredTo, decidedAt: c.now.toISOString() }),
  event: (c) => ({ message: c.input.message, data: { transferredTo: c.input.transferredTo } }),
  notice: (c) => statusNotice('transfer', c.ref, c.to, c.input.message),
};
