import { createApplication } from '../../applications/create-application.ts';
import { applicationSummary } from '../../applications/view-application.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { actorOf, applicationSummarySchema } from './schemas.ts';

/** Opens a draft application; the card type follows the organisation's type. */
export const create = organisationProcedure('applications.manage')
  .output(applicationSummarySchema)
  .mutation(async ({ ctx }) =>
    applicationSummary(await createApplication(ctx.em, ctx.organisation, actorOf(ctx))),
  );
