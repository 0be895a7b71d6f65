import { z } from 'zod';
import { resendSigningCode } from '../../powers/create-power.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { powerIdInput } from './inputs.ts';

/** Texts the head a fresh code for a power of attorney awaiting signature. */
export const sendCode = organisationProcedure('powers.manage')
  .input(z.object({ powerId: powerIdInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await resendSigningCode(ctx, input.powerId, ctx.services.secrets.codeKey);

    return { ok: true as const };
  });
