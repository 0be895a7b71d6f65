import { z } from 'zod';
import { payThroughWebhook } from '../../applications/bank-simulator.ts';
import { developmentProcedure } from '../../trpc/init.ts';

/** Pays a fee as the bank would, through the real signed webhook. Development only. */
export const simulatePayment = developmentProcedure
  .input(z.object({ feeId: z.uuid({ error: 'Начисление: неверный идентификатор' }) }))
  .output(
    z.object({
      paymentId: z.string(),
      answer: z.object({
        httpStatus: z.number().int(),
        body: z.object({
          status: z.enum(['paid', 'already_paid', 'duplicate', 'refused']),
          message: z.string().optional(),
        }),
      }),
    }),
  )
  .mutation(({ ctx, input }) =>
    payThroughWebhook(
      ctx.em,
      { appUrl: ctx.services.config.appUrl, secret: ctx.services.bankWebhookSecret },
      input.feeId,
    ),
  );
