import { router } from '../../trpc/init.ts';
import { completeOperatorSignIn } from './complete-operator-sign-in.ts';
import { completeSignIn } from './complete-sign-in.ts';
import { confirmEmail } from './confirm-email.ts';
import { confirmPhone } from './confirm-phone.ts';
import { me } from './me.ts';
import { operatorSignIn } from './operator-sign-in.ts';
import { resendCode } from './resend-code.ts';
import { resendSignInCode } from './resend-sign-in-code.ts';
import { signInChallenge } from './sign-in-challenge.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import { signUp } from './sign-up.ts';

export const authRouter = router({
  signUp,
  confirmPhone,
  confirmEmail,
  resendCode,
  signIn,
  completeSignIn,
  resendSignInCode,
  signInChallenge,
  signOut,
  me,
  operatorSignIn,
  completeOperatorSignIn,
});
