import { z } from 'zod';
import { emailField, passwordField } from '../../identity/fields.ts';
import { startSignIn } from '../../identity/sign-in.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { signInStartedOutput } from './schemas.ts';

export const signInInput = z.object({ email: emailField, password: passwordField });

/** First step of signing in: the password. Returns the challenge of the second factor. */
export const signIn = publicProcedure
  .input(signInInput)
  .output(signInStartedOutput)
  .mutation(({ ctx, input }) => startSignIn(ctx.services, ctx.em, ctx.request, 'user', input));
