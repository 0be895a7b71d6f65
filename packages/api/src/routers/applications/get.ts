import { z } from 'zod';
import { viewApplication } from '../../applications/view-application.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { applicationIdShape, applicationViewSchema } from './schemas.ts';

/** One application with its documents, fee, tariffs, possible holders and what is missing. */
export const get = organisationProcedure('applications.view')
  .input(z.object(applicationIdShape))
  .output(applicationViewSchema)
  .query(({ ctx, input }) =>
    viewApplication(ctx.em, ctx.organisation.id, input.applicationId, ctx.user.id),
  );
