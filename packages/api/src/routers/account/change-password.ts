import {
  changePassword as replacePassword,
  changePasswordInput,
} from '../../identity/change-password.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { okOutput } from '../auth/schemas.ts';

/** Replaces the password (current one required) and ends the other sessions. */
export const changePassword = authenticatedProcedure
  .input(changePasswordInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await replacePassword(ctx.services, ctx.em, ctx.user, ctx.session, ctx.request, input);

    return { ok: true as const };
  });
