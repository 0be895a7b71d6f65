import { z } from 'zod';
import { acceptInvitation as accept } from '../../members/accept-invitation.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { invitationTokenInput } from './inputs.ts';

/** Joins the signed-in person to the organisation that invited their address. */
export const acceptInvitation = authenticatedProcedure
  .input(z.object({ token: invitationTokenInput }))
  .output(z.object({ organisationId: z.uuid(), memberId: z.uuid() }))
  .mutation(({ ctx, input }) => accept(ctx.em, ctx.user, input.token, ctx.request));
