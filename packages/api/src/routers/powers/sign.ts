import { z } from 'zod';
import { signPowerOfAttorney } from '../../powers/sign-power.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { powerIdInput } from './inputs.ts';

/** The head signs a power of attorney with the code from the SMS; it takes effect. */
export const sign = organisationProcedure('powers.manage')
  .input(
    z.object({
      powerId: powerIdInput,
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, { error: 'Код: шесть цифр из SMS' }),
    }),
  )
  .output(z.object({ powerId: z.uuid(), status: z.literal('active') }))
  .mutation(async ({ ctx, input }) => {
    const power = await signPowerOfAttorney(
      ctx,
      input.powerId,
      input.code,
      ctx.services.secrets.codeKey,
    );

    return { powerId: power.id, status: 'active' as const };
  });
