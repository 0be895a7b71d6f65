import { signOut as endCurrentSession } from '../../identity/sessions.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { okOutput } from './schemas.ts';

/** Ends the current session, of a person or an operator, and clears the cookie. */
export const signOut = publicProcedure.output(okOutput).mutation(async ({ ctx }) => {
  await endCurrentSession(ctx.em, ctx);

  return { ok: true as const };
});
