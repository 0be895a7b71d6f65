import { completeSignIn } from '../../identity/complete-sign-in.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { completeSignInInput } from './complete-sign-in.ts';
import { okOutput } from './schemas.ts';

/** Second step of an operator's sign-in: opens a session of kind 'operator'. */
export const completeOperatorSignIn = publicProcedure
  .input(completeSignInInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await completeSignIn(ctx.services, ctx.em, ctx, 'operator', input);

    return { ok: true as const };
  });
