import { z } from 'zod';
import { confirmContact } from '../../identity/confirm-contact.ts';
import { codeField } from '../../identity/fields.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { okOutput } from './schemas.ts';

/** Confirms the email with the code from the letter. */
export const confirmEmail = authenticatedProcedure
  .input(z.object({ code: codeField }))
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await confirmContact(ctx.services, ctx.em, ctx.user, ctx.request, 'email', input.code);

    return { ok: true as const };
  });
