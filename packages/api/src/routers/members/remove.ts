import { z } from 'zod';
import { removeMember } from '../../members/change-member.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { memberIdInput } from './inputs.ts';

/** Ends another member's membership and revokes their powers of attorney. */
export const remove = organisationProcedure('members.manage')
  .input(z.object({ memberId: memberIdInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await removeMember(ctx, input.memberId);

    return { ok: true as const };
  });
