import { router } from '../../trpc/init.ts';
import { create } from './create.ts';
import { fee } from './fee.ts';
import { get } from './get.ts';
import { list } from './list.ts';
import { paymentOrder } from './payment-order.ts';
import { readDocument } from './read-document.ts';
import { removeDocument } from './remove-document.ts';
import { requestSubmitCode } from './request-submit-code.ts';
import { simulatePayment } from './simulate-payment.ts';
import { simulatorFees } from './simulator-fees.ts';
import { submit } from './submit.ts';
import { update } from './update.ts';
import { uploadDocument } from './upload-document.ts';

export const applicationsRouter = router({
  create,
  update,
  get,
  list,
  uploadDocument,
  removeDocument,
  readDocument,
  fee,
  paymentOrder,
  requestSubmitCode,
  submit,
  simulatorFees,
  simulatePayment,
});
