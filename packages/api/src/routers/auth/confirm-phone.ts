import { z } from 'zod';
import { confirmContact } from '../../identity/confirm-contact.ts';
import { codeField } from '../../identity/fields.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { okOutput } from './schemas.ts';

/** Confirms the phone with the code from the SMS. */
export const confirmPhone = authenticatedProcedure
  .input(z.object({ code: codeField }))
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await confirmContact(ctx.services, ctx.em, ctx.user, ctx.request, 'phone', input.code);

    return { ok: true as const };
  });
