'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction, type ActionState } from '@/lib/http/action';
import { clientAddress } from '@/lib/http/client-address';
import { requestBankChange } from '@/lib/dal/bank-changes';

const ref = z.string().regex(/^[A-Z]{2}-\d{4}-\d{6}$/, '没有找到这份申请。');

/** The payee asks to be paid to another account; a clerk verifies it before the next batch. */
export const requestBankChangeAction = validatedAction(
  z.object({ ref, bankName: z.string().max(100).default(''), accountName: z.string().max(100).default(''), account: z.string().max(60).default('') }),
  ['resident'],
  async ({ ref: r, ...values }, user): Promise<ActionState> => {
    const result = await requestBankChange(user, r, values, clientAddress(await headers()));
    // The account number is not sent back to the browser: only the bank and the holder's name are kept.
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values: { bankName: values.bankName, accountName: values.accountName } };
    redirect(`/applications/${r}/bank?sent=1`);
  },
  { bound: ['ref'] },
);
