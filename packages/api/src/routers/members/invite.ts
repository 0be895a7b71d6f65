import { z } from 'zod';
import { inviteMember } from '../../members/invite-member.ts';
import { emailSchema } from '../../organisations/validators.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { invitableRoleInput } from './inputs.ts';

/** Invites a person by email; the link in the email joins them with the role. */
export const invite = organisationProcedure('members.manage')
  .input(z.object({ email: emailSchema, role: invitableRoleInput }))
  .output(z.object({ invitationId: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const invitation = await inviteMember(ctx, input, ctx.services.config.appUrl);

    return { invitationId: invitation.id };
  });
