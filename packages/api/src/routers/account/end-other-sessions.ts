import { z } from 'zod';
import { endOtherSessions as endOthers } from '../../identity/sessions.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';

/** Ends every session of the person except this one. */
export const endOtherSessions = authenticatedProcedure
  .output(z.object({ ended: z.number().int() }))
  .mutation(async ({ ctx }) => ({
    ended: await endOthers(ctx.em, ctx.user, ctx.session, ctx.request),
  }));
