import { z } from 'zod';
import { resendSignInCode as resend } from '../../identity/complete-sign-in.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { challengeIdField, okOutput } from './schemas.ts';

/** Sends the sign-in SMS code again, at most once a minute. */
export const resendSignInCode = publicProcedure
  .input(z.object({ challengeId: challengeIdField }))
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await resend(ctx.services, ctx.em, input.challengeId);

    return { ok: true as const };
  });
