import { z } from 'zod';
import { cancelInvitation as cancel } from '../../members/invite-member.ts';
import { organisationProcedure } from '../../trpc/init.ts';

/** Withdraws a pending invitation. */
export const cancelInvitation = organisationProcedure('members.manage')
  .input(z.object({ invitationId: z.uuid({ error: 'Приглашение: неверный идентификатор' }) }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await cancel(ctx, input.invitationId);

    return { ok: true as const };
  });
