import { startSignIn } from '../../identity/sign-in.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { signInStartedOutput } from './schemas.ts';
import { signInInput } from './sign-in.ts';

/** First step of an operator's sign-in; operators always get an SMS code. */
export const operatorSignIn = publicProcedure
  .input(signInInput)
  .output(signInStartedOutput)
  .mutation(({ ctx, input }) => startSignIn(ctx.services, ctx.em, ctx.request, 'operator', input));
