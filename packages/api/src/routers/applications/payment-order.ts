import { z } from 'zod';
import { findStateFee, paymentOrderOf } from '../../applications/state-fee.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { applicationIdShape, paymentOrderSchema } from './schemas.ts';

/** The payment order of a fee already charged; "not found" before that. */
export const paymentOrder = organisationProcedure('applications.view')
  .input(z.object(applicationIdShape))
  .output(paymentOrderSchema)
  .query(async ({ ctx, input }) => {
    const stateFee = await findStateFee(ctx.em, ctx.organisation.id, input.applicationId);

    return paymentOrderOf(stateFee, ctx.organisation, ctx.services.feePayee);
  });
