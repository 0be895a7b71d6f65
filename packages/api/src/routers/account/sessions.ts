import { z } from 'zod';
import { listSessions } from '../../identity/sessions.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';

/** The person's own live sessions: address, device, start, last activity, which is this one. */
export const sessions = authenticatedProcedure
  .output(
    z.array(
      z.object({
        id: z.string(),
        ip: z.string(),
        device: z.string(),
        createdAt: z.date(),
        lastSeenAt: z.date(),
        current: z.boolean(),
      }),
    ),
  )
  .query(({ ctx }) => listSessions(ctx.em, ctx.user, ctx.session));
