import { z } from 'zod';
import { memberRoles } from '@orgcard/db';
import { resolveSession } from '../../auth/resolve-session.ts';
import { describeMe } from '../../identity/me.ts';
import { publicProcedure } from '../../trpc/init.ts';

export const meOutput = z
  .object({
    user: z.object({
      id: z.string(),
      fullName: z.string(),
      email: z.string(),
      phoneConfirmed: z.boolean(),
      emailConfirmed: z.boolean(),
      secondFactor: z.enum(['sms', 'totp']),
    }),
    passwordChangeDue: z.boolean(),
    organisations: z.array(
      z.object({ id: z.string(), shortName: z.string(), role: z.enum(memberRoles) }),
    ),
  })
  .nullable();

/** The signed-in person with their organisations, or null (no session, or an operator's). */
export const me = publicProcedure.output(meOutput).query(async ({ ctx }) => {
  const signedIn = await resolveSession(ctx.em, ctx.request.sessionToken);
  if (signedIn?.kind !== 'user') return null;

  return describeMe(ctx.em, signedIn.user);
});
