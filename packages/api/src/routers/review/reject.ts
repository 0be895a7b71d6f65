import { z } from 'zod';
import { operatorProcedure } from '../../trpc/init.ts';
import { decide } from './decide.ts';
import { decisionResultSchema, decisionText, reviewApplicationIdShape } from './schemas.ts';

export const rejectInput = z.object({
  ...reviewApplicationIdShape,
  reason: decisionText('Причина отказа'),
});

/** Refuses the card, with the reason the applicant will read. */
export const reject = operatorProcedure
  .input(rejectInput)
  .output(decisionResultSchema)
  .mutation(({ ctx, input }) =>
    decide(ctx, input.applicationId, { kind: 'reject', reason: input.reason }),
  );
