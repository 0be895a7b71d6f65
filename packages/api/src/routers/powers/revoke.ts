import { z } from 'zod';
import { revokePowerOfAttorney } from '../../powers/revoke-power.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { powerIdInput } from './inputs.ts';

/** Revokes a power of attorney at once. */
export const revoke = organisationProcedure('powers.manage')
  .input(
    z.object({
      powerId: powerIdInput,
      reason: z
        .string({ error: 'Причина отзыва: обязательное поле' })
        .trim()
        .min(3, { error: 'Причина отзыва: не короче 3 символов' })
        .max(500, { error: 'Причина отзыва: не длиннее 500 символов' }),
    }),
  )
  .output(z.object({ powerId: z.uuid(), status: z.literal('revoked') }))
  .mutation(async ({ ctx, input }) => {
    const power = await revokePowerOfAttorney(ctx, input.powerId, input.reason);

    return { powerId: power.id, status: 'revoked' as const };
  });
