'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction } from '@/lib/http/action';
import { AUDIT_READERS, personIdByIdNumber } from '@/lib/dal/audit-search';
import { queryOf } from './filters';

const day = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请按 年-月-日 填写日期')]);

/** Turns the 身份证号 into the person's id (through its HMAC) and shows the filtered log. */
export const filterAuditAction = validatedAction(
  z.object({
    idNumber: z.union([z.literal(''), z.string().trim().regex(/^\d{17}[\dXx]$/, '身份证号应为 18 位')]).default(''),
    user: z.string().default(''),
    action: z.string().default(''),
    from: day.default(''),
    to: day.default(''),
  }),
  AUDIT_READERS,
  async (input, reader): Promise<{ ok: boolean }> => {
    const personId = input.idNumber ? await personIdByIdNumber(reader, input.idNumber) : null;
    redirect(
      `/admin/audit${queryOf({ personId: personId ?? undefined, noPerson: Boolean(input.idNumber) && !personId, userId: input.user || undefined, action: input.action || undefined, from: input.from || undefined, to: input.to || undefined })}`,
    );
  },
);
