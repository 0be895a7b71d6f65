import { z } from 'zod';
import { describeChallenge } from '../../identity/complete-sign-in.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { challengeIdField } from './schemas.ts';

/** What the code page shows: the method and the masked phone, or null once it has lapsed. */
export const signInChallenge = publicProcedure
  .input(z.object({ challengeId: challengeIdField }))
  .output(
    z
      .object({
        kind: z.enum(['user', 'operator']),
        method: z.enum(['sms', 'totp']),
        destination: z.string(),
      })
      .nullable(),
  )
  .query(({ ctx, input }) => describeChallenge(ctx.em, input.challengeId));
