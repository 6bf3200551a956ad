// Every application verb, by name. A new transition: its file here, its row in ../states.ts.
import type { TransitionName } from '@/lib/workflow/states';
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

export const VERBS = {
  submit, accept, request_info: requestInfo, start_review: startReview, answer, approve, reject, withdraw, transfer,
  record_payment: recordPayment, record_payment_failure: recordPaymentFailure, correct_amount: correctAmount, direct_award: directAward,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
} satisfies Record<TransitionName, Verb<any, any>>;
