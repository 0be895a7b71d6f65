import { z } from 'zod';
import { submitApplication } from '../../applications/submit-application.ts';
import { applicationSummary } from '../../applications/view-application.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { actorOf, applicationIdShape, applicationSummarySchema } from './schemas.ts';

/** Sends the application for checks, confirmed with the SMS code: status "Отправлено". */
export const submit = organisationProcedure('applications.manage')
  .input(
    z.object({
      ...applicationIdShape,
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, { error: 'Код: шесть цифр из SMS' }),
    }),
  )
  .output(applicationSummarySchema)
  .mutation(async ({ ctx, input }) => {
    const application = await submitApplication(
      ctx.em,
      ctx.services.secrets.codeKey,
      { organisationId: ctx.organisation.id, applicationId: input.applicationId, code: input.code },
      actorOf(ctx),
    );

    return applicationSummary(application);
  });
