import { z } from 'zod';
import { changeMemberRole } from '../../members/change-member.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { invitableRoleInput, memberIdInput } from './inputs.ts';

/** Gives another member a new role; the head's role and one's own are not changed here. */
export const changeRole = organisationProcedure('members.manage')
  .input(z.object({ memberId: memberIdInput, role: invitableRoleInput }))
  .output(z.object({ memberId: z.uuid(), role: invitableRoleInput }))
  .mutation(async ({ ctx, input }) => {
    await changeMemberRole(ctx, input.memberId, input.role);

    return { memberId: input.memberId, role: input.role };
  });
