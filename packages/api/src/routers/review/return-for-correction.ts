import { z } from 'zod';
import { operatorProcedure } from '../../trpc/init.ts';
import { decide } from './decide.ts';
import { decisionResultSchema, decisionText, reviewApplicationIdShape } from './schemas.ts';

export const returnForCorrectionInput = z.object({
  ...reviewApplicationIdShape,
  remarks: decisionText('Замечания'),
});

/** Sends the application back to the applicant with remarks on what to correct. */
export const returnForCorrection = operatorProcedure
  .input(returnForCorrectionInput)
  .output(decisionResultSchema)
  .mutation(({ ctx, input }) =>
    decide(ctx, input.applicationId, { kind: 'return', remarks: input.remarks }),
  );
