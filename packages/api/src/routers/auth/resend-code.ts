import { z } from 'zod';
import { resendConfirmationCode } from '../../identity/confirm-contact.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { okOutput } from './schemas.ts';

/** Sends a new phone or email confirmation code, at most once a minute. */
export const resendCode = authenticatedProcedure
  .input(
    z.object({ purpose: z.enum(['phone', 'email'], { error: 'Код: неизвестное назначение' }) }),
  )
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await resendConfirmationCode(ctx.services, ctx.em, ctx.user, input.purpose);

    return { ok: true as const };
  });
