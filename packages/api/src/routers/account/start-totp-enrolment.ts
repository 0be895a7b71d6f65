import { startTotpEnrolment as start } from '../../identity/totp.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { totpEnrolmentOutput } from './schemas.ts';

/** Starts connecting an authenticator app: a new pending secret and its QR code. */
export const startTotpEnrolment = authenticatedProcedure
  .output(totpEnrolmentOutput)
  .mutation(({ ctx }) => start(ctx.services, ctx.em, ctx.user));
