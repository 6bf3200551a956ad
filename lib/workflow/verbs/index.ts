// Every application verb, by name. A new verb: its file here (state machine row, words, form, input, effects)
// and its line below; everything else reads it from this list (lib/workflow/index.ts).
import type { Verb } from '@/lib/workflow/run';
import { accept } from './accept';
import { answer } from './answer';
import { directAward } from './direct-award';
import { approve } from './approve';
import { correctAmount } from './correct-amount';
import { recordPayment } from './record-payment';
import { recordPaymentFailure } from './record-payment-failure';
import { reject } from './reject';
import { requestInfo } from './request-info';
import { startReview } from './start-review';
import { submit } from './submit';
import { transfer } from './transfer';
import { withdraw } from './withdraw';

/** In the order the staff case page offers them. */
export const VERBS = {
  submit, accept, request_info: requestInfo, start_review: startReview, answer, transfer, approve, reject, withdraw,
  record_payment: recordPayment, record_payment_failure: recordPaymentFailure, correct_amount: correctAmount, direct_award: directAward,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
} satisfies Record<string, Verb<any, any>>;

export type TransitionName = keyof typeof VERBS;
