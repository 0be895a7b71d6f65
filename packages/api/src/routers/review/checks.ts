import { z } from 'zod';
import { applicationChecks } from '../../review/applicant-view.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { applicationChecksSchema, reviewApplicationIdShape } from './schemas.ts';

/** The latest automatic check results of the organisation's application, with reasons. */
export const checks = organisationProcedure('applications.view')
  .input(z.object(reviewApplicationIdShape))
  .output(applicationChecksSchema)
  .query(({ ctx, input }) => applicationChecks(ctx.em, ctx.organisation.id, input.applicationId));
