import { z } from 'zod';
import { enforceRateLimit, rateRules } from '../../auth/rate-limit.ts';
import { codeField } from '../../identity/fields.ts';
import { confirmTotp as confirm } from '../../identity/totp.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { okOutput } from '../auth/schemas.ts';

/** Finishes the enrolment with a code from the app; sign-in then asks for the app's codes. */
export const confirmTotp = authenticatedProcedure
  .input(z.object({ code: codeField }))
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx.services, rateRules.accountChangesPerUser, ctx.user.id);
    await confirm(ctx.services, ctx.em, ctx.user, ctx.request, input.code);

    return { ok: true as const };
  });
