import { z } from 'zod';
import { operatorProcedure } from '../../trpc/init.ts';
import { decide } from './decide.ts';
import { decisionResultSchema, reviewApplicationIdShape } from './schemas.ts';

/** Approves an application in review; the card is issued by the `card-issuance` job. */
export const approve = operatorProcedure
  .input(z.object(reviewApplicationIdShape))
  .output(decisionResultSchema)
  .mutation(({ ctx, input }) => decide(ctx, input.applicationId, { kind: 'approve' }));
