import { z } from 'zod';
import { registerOrganisation } from '../../organisations/register-organisation.ts';
import { organisationRegistrationSchema } from '../../organisations/validators.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';

/** Registers an organisation; the caller becomes its head. Needs a confirmed phone. */
export const register = authenticatedProcedure
  .input(organisationRegistrationSchema)
  .output(z.object({ organisationId: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const organisation = await registerOrganisation(ctx.em, ctx.user, input, ctx.request);

    return { organisationId: organisation.id };
  });
