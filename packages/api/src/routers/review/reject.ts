import { z } from 'zod';
import { decideApplication } from '../../review/decide-application.ts';
import { operatorProcedure } from '../../trpc/init.ts';
import { decisionResultSchema, reviewApplicationIdShape } from './schemas.ts';

export const rejectInput = z.object({
  ...reviewApplicationIdShape,
  reason: z
    .string()
    .trim()
    .min(5, { error: 'Причина отказа: не короче 5 символов' })
    .max(2000, { error: 'Причина отказа: не длиннее 2000 символов' }),
});

/** Refuses the card, with the reason the applicant will read. */
export const reject = operatorProcedure
  .input(rejectInput)
  .output(decisionResultSchema)
  .mutation(async ({ ctx, input }) => {
    const application = await decideApplication(
      ctx.em,
      ctx.operator,
      input.applicationId,
      { kind: 'reject', reason: input.reason },
      { request: ctx.request, appUrl: ctx.services.config.appUrl },
    );

    return { applicationId: application.id, status: application.status };
  });
