import { z } from 'zod';
import { enforceRateLimit, rateRules } from '../../auth/rate-limit.ts';
import { passwordField } from '../../identity/fields.ts';
import { disableTotp as disable } from '../../identity/totp.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { okOutput } from '../auth/schemas.ts';

/** Switches back to SMS codes; the password is asked again. */
export const disableTotp = authenticatedProcedure
  .input(z.object({ password: passwordField }))
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx.services, rateRules.accountChangesPerUser, ctx.user.id);
    await disable(ctx.em, ctx.user, ctx.request, input.password);

    return { ok: true as const };
  });
