import { data, redirect, type AppLoadContext } from 'react-router';
import { toFormErrors } from '@orgcard/api/forms';
import { textField } from './form-data.ts';
import {
  challengeCookie,
  clearChallengeCookie,
  passwordValue,
  readCookie,
  safeNext,
  trpcCodeOf,
  type ChallengeCookie,
} from './identity.ts';

// The two steps of signing in, shared by people (/signin) and operators (/operator/signin):
// the password page opens a challenge and hands its id to the code page in a cookie.

type Api = AppLoadContext['api'];

export interface SignInKind {
  cookie: ChallengeCookie;
  passwordPath: string;
  codePath: string;
  start(api: Api, input: { email: string; password: string }): Promise<{ challengeId: string }>;
  complete(api: Api, input: { challengeId: string; code: string }): Promise<unknown>;
}

export const personSignIn: SignInKind = {
  cookie: 'orgcard_signin',
  passwordPath: '/signin',
  codePath: '/signin/code',
  start: (api, input) => api.auth.signIn(input),
  complete: (api, input) => api.auth.completeSignIn(input),
};

export const operatorSignIn: SignInKind = {
  cookie: 'orgcard_operator_signin',
  passwordPath: '/operator/signin',
  codePath: '/operator/signin/code',
  start: (api, input) => api.auth.operatorSignIn(input),
  complete: (api, input) => api.auth.completeOperatorSignIn(input),
};

interface StepArgs {
  context: AppLoadContext;
  request: Request;
}

/** The password step: on success, to the code page with the challenge in a cookie. */
export async function passwordStep(kind: SignInKind, { context, request }: StepArgs) {
  const form = await request.formData();
  const email = textField(form, 'email');
  const next = safeNext(textField(form, 'next'));
  try {
    const { challengeId } = await kind.start(context.api, {
      email,
      password: passwordValue(form, 'password'),
    });
    const cookie = challengeCookie(kind.cookie, challengeId, context.nodeEnv === 'production');

    return redirect(`${kind.codePath}?next=${encodeURIComponent(next)}`, {
      headers: { 'Set-Cookie': cookie },
    });
  } catch (error) {
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ errors, email }, { status: 400 });
  }
}

/** What the code page shows, or a lapsed challenge (the person starts again). */
export async function codeStepView(kind: SignInKind, { context, request }: StepArgs) {
  const challengeId = readCookie(request, kind.cookie);
  if (!challengeId) throw redirect(kind.passwordPath);
  const next = safeNext(new URL(request.url).searchParams.get('next'));
  // A malformed id in the cookie reads as a lapsed challenge.
  const challenge = await context.api.auth
    .signInChallenge({ challengeId })
    .catch((error: unknown) => {
      if (trpcCodeOf(error) === 'BAD_REQUEST') return null;
      throw error;
    });

  return {
    challenge,
    next,
    passwordPath: kind.passwordPath,
    showDevHint: context.nodeEnv !== 'production' && challenge?.method === 'sms',
  };
}

/** The code step: completes sign-in (the session cookie is set) or sends the SMS again. */
export async function codeStep(kind: SignInKind, { context, request }: StepArgs) {
  const form = await request.formData();
  const challengeId = readCookie(request, kind.cookie) ?? '';
  const secure = context.nodeEnv === 'production';
  try {
    if (textField(form, 'intent') === 'resend') {
      await context.api.auth.resendSignInCode({ challengeId });

      return { sent: true, errors: null, lapsed: false };
    }
    await kind.complete(context.api, { challengeId, code: textField(form, 'code') });
  } catch (error) {
    const errors = toFormErrors(error);
    if (!errors) throw error;
    const lapsed =
      trpcCodeOf(error) === 'PRECONDITION_FAILED' || Boolean(errors.fieldErrors.challengeId);

    return data({ sent: false, errors, lapsed }, { status: 400 });
  }

  return redirect(safeNext(textField(form, 'next')), {
    headers: { 'Set-Cookie': clearChallengeCookie(kind.cookie, secure) },
  });
}
