import { z } from 'zod';
import { createPowerOfAttorney } from '../../powers/create-power.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { dateInput, kopecksInput, scopeInput } from './inputs.ts';

/** Drafts a power of attorney to a member and texts the head the code that signs it. */
export const create = organisationProcedure('powers.manage')
  .input(
    z.object({
      representativeMemberId: z.uuid({ error: 'Представитель: выберите участника' }),
      scopes: z
        .array(scopeInput)
        .min(1, { error: 'Полномочия: выберите хотя бы одно' })
        .max(scopeInput.options.length),
      amountCeilingKopecks: kopecksInput.nullish(),
      validFrom: dateInput('Действует с'),
      validTo: dateInput('Действует до'),
    }),
  )
  .output(z.object({ powerId: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const power = await createPowerOfAttorney(
      ctx,
      { ...input, amountCeilingKopecks: input.amountCeilingKopecks ?? null },
      ctx.services.secrets.codeKey,
    );

    return { powerId: power.id };
  });
