import { z } from 'zod';
import { applicationHistory } from '../../review/applicant-view.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { applicationEventSchema, reviewApplicationIdShape } from './schemas.ts';

/** The journal entries about the organisation's application, newest first. */
export const history = organisationProcedure('applications.view')
  .input(z.object(reviewApplicationIdShape))
  .output(z.array(applicationEventSchema))
  .query(({ ctx, input }) => applicationHistory(ctx.em, ctx.organisation.id, input.applicationId));
