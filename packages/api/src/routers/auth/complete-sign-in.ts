import { z } from 'zod';
import { completeSignIn as completeChallenge } from '../../identity/complete-sign-in.ts';
import { codeField } from '../../identity/fields.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { challengeIdField, okOutput } from './schemas.ts';

export const completeSignInInput = z.object({ challengeId: challengeIdField, code: codeField });

/** Second step of signing in: the code. Opens the session and sets its cookie. */
export const completeSignIn = publicProcedure
  .input(completeSignInInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await completeChallenge(ctx.services, ctx.em, ctx, 'user', input);

    return { ok: true as const };
  });
