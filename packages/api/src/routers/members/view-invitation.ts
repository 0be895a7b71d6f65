import { memberRoles } from '@orgcard/db';
import { z } from 'zod';
import { viewInvitation as view } from '../../members/accept-invitation.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { invitationTokenInput } from './inputs.ts';

/** What an invitation link offers, shown before the signed-in person accepts it. */
export const viewInvitation = authenticatedProcedure
  .input(z.object({ token: invitationTokenInput }))
  .output(
    z.object({
      organisationId: z.uuid(),
      organisationShortName: z.string(),
      role: z.enum(memberRoles),
      maskedEmail: z.string(),
      state: z.enum(['pending', 'accepted', 'cancelled', 'expired']),
      addressedToYou: z.boolean(),
    }),
  )
  .query(({ ctx, input }) => view(ctx.em, ctx.user, input.token));
