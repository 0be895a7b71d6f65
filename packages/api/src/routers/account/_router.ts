import { router } from '../../trpc/init.ts';
import { changePassword } from './change-password.ts';
import { confirmTotp } from './confirm-totp.ts';
import { disableTotp } from './disable-totp.ts';
import { endOtherSessions } from './end-other-sessions.ts';
import { endSession } from './end-session.ts';
import { sessions } from './sessions.ts';
import { startTotpEnrolment } from './start-totp-enrolment.ts';
import { totpEnrolment } from './totp-enrolment.ts';

export const accountRouter = router({
  sessions,
  endSession,
  endOtherSessions,
  changePassword,
  startTotpEnrolment,
  totpEnrolment,
  confirmTotp,
  disableTotp,
});
