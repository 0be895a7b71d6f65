import { z } from 'zod';
import { paymentOrderOf, requestStateFee } from '../../applications/state-fee.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { actorOf, applicationIdShape, paymentOrderSchema } from './schemas.ts';

/**
 * Charges the state fee (once) with the amount of the tariff and a fresh УИН, and returns
 * the payment order with its ГОСТ Р 56042-2014 QR code.
 */
export const fee = organisationProcedure('applications.manage')
  .input(z.object(applicationIdShape))
  .output(paymentOrderSchema)
  .mutation(async ({ ctx, input }) => {
    const stateFee = await requestStateFee(
      ctx.em,
      ctx.organisation.id,
      input.applicationId,
      actorOf(ctx),
    );

    return paymentOrderOf(stateFee, ctx.organisation, ctx.services.feePayee);
  });
