import { pendingTotpEnrolment } from '../../identity/totp.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { totpEnrolmentOutput } from './schemas.ts';

/** The authenticator app enrolment in progress, to show its QR code again, or null. */
export const totpEnrolment = authenticatedProcedure
  .output(totpEnrolmentOutput.nullable())
  .query(({ ctx }) => pendingTotpEnrolment(ctx.services, ctx.user));
