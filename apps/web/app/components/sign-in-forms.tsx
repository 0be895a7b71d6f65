import { Form, Link, useNavigation } from 'react-router';
import type { FormErrors } from '@orgcard/api/forms';
import { DevCodeHint } from './dev-code-hint.tsx';
import { Field } from './field.tsx';
import { FormError, FormStatus, SubmitButton } from './form-bits.tsx';
import { t } from '../i18n/index.ts';

interface PasswordStepProps {
  title: string;
  lead?: string;
  next: string;
  result: { errors: FormErrors; email: string } | undefined;
  showSignUp: boolean;
}

/** The first step of signing in: email and password. */
export function PasswordStepForm({ title, lead, next, result, showSignUp }: PasswordStepProps) {
  const busy = useNavigation().state === 'submitting';
  const fieldErrors = result?.errors.fieldErrors ?? {};
  const formError = Object.keys(fieldErrors).length === 0 ? result?.errors.formError : null;

  return (
    <section aria-labelledby="signin-title" className="mx-auto max-w-md space-y-4">
      <h1 id="signin-title" className="text-2xl font-bold">
        {title}
      </h1>
      {lead && <p className="text-slate-700">{lead}</p>}
      <Form method="post" className="space-y-4 rounded-lg bg-white p-4 shadow-sm" noValidate>
        <FormError message={formError} />
        <input type="hidden" name="next" value={next} />
        <Field
          label={t('identity.field.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={result?.email}
          errors={fieldErrors.email}
        />
        <Field
          label={t('identity.field.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={fieldErrors.password}
        />
        <SubmitButton busy={busy}>{t('identity.signIn.submit')}</SubmitButton>
      </Form>
      {showSignUp && (
        <p className="text-slate-700">
          {t('identity.signIn.noAccount')}{' '}
          <Link to="/signup" className="font-semibold text-brand-700 underline">
            {t('identity.nav.signUp')}
          </Link>
        </p>
      )}
    </section>
  );
}

interface CodeStepProps {
  view: {
    challenge: { method: 'sms' | 'totp'; destination: string } | null;
    next: string;
    passwordPath: string;
    showDevHint: boolean;
  };
  result: { sent: boolean; errors: FormErrors | null; lapsed: boolean } | undefined;
}

/** The second step: the code from the SMS or the authenticator app. */
export function CodeStepForm({ view, result }: CodeStepProps) {
  const busy = useNavigation().state === 'submitting';
  const { challenge } = view;
  const codeErrors = result?.errors?.fieldErrors.code;
  const startAgain = (
    <Link to={view.passwordPath} className="font-semibold text-brand-700 underline">
      {t('identity.code.startAgain')}
    </Link>
  );

  return (
    <section aria-labelledby="code-title" className="mx-auto max-w-md space-y-4">
      <h1 id="code-title" className="text-2xl font-bold">
        {t('identity.code.title')}
      </h1>
      {!challenge || result?.lapsed ? (
        <>
          <FormError message={result?.errors?.formError ?? t('identity.code.expired')} />
          <p>{startAgain}</p>
        </>
      ) : (
        <>
          <p className="text-slate-700">
            {challenge.method === 'sms'
              ? t('identity.code.sms', { destination: challenge.destination })
              : t('identity.code.totp')}
          </p>
          <DevCodeHint show={view.showDevHint} />
          <Form method="post" className="space-y-4 rounded-lg bg-white p-4 shadow-sm" noValidate>
            <FormError message={codeErrors ? null : result?.errors?.formError} />
            <input type="hidden" name="next" value={view.next} />
            <Field
              label={t('identity.field.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              autoFocus
              errors={codeErrors}
            />
            <SubmitButton busy={busy} name="intent" value="complete">
              {t('identity.code.submit')}
            </SubmitButton>
          </Form>
          {challenge.method === 'sms' && (
            <Form method="post" className="space-y-2">
              {result?.sent && <FormStatus>{t('identity.code.sent')}</FormStatus>}
              <SubmitButton busy={busy} variant="secondary" name="intent" value="resend">
                {t('identity.code.resend')}
              </SubmitButton>
            </Form>
          )}
          <p className="text-sm">{startAgain}</p>
        </>
      )}
    </section>
  );
}
