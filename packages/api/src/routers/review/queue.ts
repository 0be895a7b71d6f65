import { z } from 'zod';
import { listReviewQueue } from '../../review/review-queue.ts';
import { operatorProcedure } from '../../trpc/init.ts';
import { queuedApplicationSchema } from './schemas.ts';

/** Applications waiting for a decision, overdue first, then by age, with their service level. */
export const queue = operatorProcedure
  .output(z.array(queuedApplicationSchema))
  .query(({ ctx }) => listReviewQueue(ctx.em));
