import { z } from 'zod';
import { applicationForReview } from '../../review/application-for-review.ts';
import { operatorProcedure } from '../../trpc/init.ts';
import { applicationForReviewSchema, reviewApplicationIdShape } from './schemas.ts';

/** One sent application as an operator reviews it: form, organisation, documents, checks. */
export const get = operatorProcedure
  .input(z.object(reviewApplicationIdShape))
  .output(applicationForReviewSchema)
  .query(({ ctx, input }) => applicationForReview(ctx.em, input.applicationId));
