import { z } from 'zod';
import { decideApplication } from '../../review/decide-application.ts';
import { operatorProcedure } from '../../trpc/init.ts';
import { decisionResultSchema, reviewApplicationIdShape } from './schemas.ts';

export const returnForCorrectionInput = z.object({
  ...reviewApplicationIdShape,
  remarks: z
    .string()
    .trim()
    .min(5, { error: 'Замечания: не короче 5 символов' })
    .max(2000, { error: 'Замечания: не длиннее 2000 символов' }),
});

/** Sends the application back to the applicant with remarks on what to correct. */
export const returnForCorrection = operatorProcedure
  .input(returnForCorrectionInput)
  .output(decisionResultSchema)
  .mutation(async ({ ctx, input }) => {
    const application = await decideApplication(
      ctx.em,
      ctx.operator,
      input.applicationId,
      { kind: 'return', remarks: input.remarks },
      { request: ctx.request, appUrl: ctx.services.config.appUrl },
    );

    return { applicationId: application.id, status: application.status };
  });
