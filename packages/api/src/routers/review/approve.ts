import { z } from 'zod';
import { decideApplication } from '../../review/decide-application.ts';
import { operatorProcedure } from '../../trpc/init.ts';
import { decisionResultSchema, reviewApplicationIdShape } from './schemas.ts';

/** Approves an application in review; the card is issued by the `card-issuance` job. */
export const approve = operatorProcedure
  .input(z.object(reviewApplicationIdShape))
  .output(decisionResultSchema)
  .mutation(async ({ ctx, input }) => {
    const application = await decideApplication(
      ctx.em,
      ctx.operator,
      input.applicationId,
      { kind: 'approve' },
      {
        request: ctx.request,
        appUrl: ctx.services.config.appUrl,
      },
    );

    return { applicationId: application.id, status: application.status };
  });
