import { z } from 'zod';
import { endOwnSession } from '../../identity/sessions.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { okOutput } from '../auth/schemas.ts';

/** Ends one of the person's own sessions (this one included, which also clears the cookie). */
export const endSession = authenticatedProcedure
  .input(z.object({ sessionId: z.uuid({ error: 'Сеанс: неверный идентификатор' }) }))
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await endOwnSession(ctx.em, ctx.user, ctx.request, input.sessionId);
    if (input.sessionId === ctx.session.id) ctx.cookies.clear();

    return { ok: true as const };
  });
