import { z } from 'zod';
import { requestSubmitCode as sendSubmitCode } from '../../applications/submit-application.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { actorOf, applicationIdShape } from './schemas.ts';

/** Sends the SMS code that confirms sending a complete, paid application. */
export const requestSubmitCode = organisationProcedure('applications.manage')
  .input(z.object(applicationIdShape))
  .output(z.object({ sentTo: z.string() }))
  .mutation(({ ctx, input }) =>
    sendSubmitCode(
      ctx.em,
      ctx.services.secrets.codeKey,
      { organisationId: ctx.organisation.id, applicationId: input.applicationId },
      actorOf(ctx),
    ),
  );
