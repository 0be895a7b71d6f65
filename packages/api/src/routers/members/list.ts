import { memberRoles } from '@orgcard/db';
import { z } from 'zod';
import { listMembers } from '../../members/list-members.ts';
import { organisationProcedure } from '../../trpc/init.ts';

/** The organisation's active members, head first, and its pending invitations. */
export const list = organisationProcedure('members.view')
  .output(
    z.object({
      members: z.array(
        z.object({
          id: z.uuid(),
          userId: z.uuid(),
          fullName: z.string(),
          email: z.string(),
          role: z.enum(memberRoles),
          joinedAt: z.date(),
        }),
      ),
      invitations: z.array(
        z.object({
          id: z.uuid(),
          email: z.string(),
          role: z.enum(memberRoles),
          expiresAt: z.date(),
        }),
      ),
    }),
  )
  .query(({ ctx }) => listMembers(ctx.em, ctx.organisation.id));
