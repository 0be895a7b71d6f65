import { signUp as signUpPerson, signUpInput } from '../../identity/sign-up.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { okOutput } from './schemas.ts';

/** Creates an account, sends the phone and email codes, and signs the person in. */
export const signUp = publicProcedure
  .input(signUpInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await signUpPerson(ctx.services, ctx.em, ctx, input);

    return { ok: true as const };
  });
