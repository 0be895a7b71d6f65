import { data, Form, redirect, useNavigation } from 'react-router';
import { toFormErrors, type FormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/account-security';
import { Field } from '../components/field.tsx';
import { FormError, FormStatus, SubmitButton } from '../components/form-bits.tsx';
import { t } from '../i18n/index.ts';
import { textField } from '../lib/form-data.ts';
import { passwordValue, redirectIfSignedOut } from '../lib/identity.ts';

type Intent = 'start-totp' | 'confirm-totp' | 'disable-totp' | 'change-password';

const doneMessages = {
  'totp-enabled': 'identity.security.totp.enabled',
  'totp-disabled': 'identity.security.totp.disabled',
  'password-changed': 'identity.security.password.changed',
} as const;

export function meta() {
  return [{ title: `${t('identity.security.title')} — ${t('app.name')}` }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  try {
    const me = await context.api.auth.me();
    if (!me) throw redirect(`/signin?next=${encodeURIComponent('/account/security')}`);
    const enrolment = await context.api.account.totpEnrolment();
    const done = new URL(request.url).searchParams.get('done');

    return {
      secondFactor: me.user.secondFactor,
      enrolment: me.user.secondFactor === 'sms' ? enrolment : null,
      done: done && done in doneMessages ? (done as keyof typeof doneMessages) : null,
    };
  } catch (error) {
    redirectIfSignedOut(error, request);
    throw error;
  }
}

async function perform(api: Route.ActionArgs['context']['api'], intent: Intent, form: FormData) {
  switch (intent) {
    case 'start-totp':
      await api.account.startTotpEnrolment();

      return '/account/security';
    case 'confirm-totp':
      await api.account.confirmTotp({ code: textField(form, 'code') });

      return '/account/security?done=totp-enabled';
    case 'disable-totp':
      await api.account.disableTotp({ password: passwordValue(form, 'password') });

      return '/account/security?done=totp-disabled';
    case 'change-password':
      await api.account.changePassword({
        currentPassword: passwordValue(form, 'currentPassword'),
        newPassword: passwordValue(form, 'newPassword'),
      });

      return '/account/security?done=password-changed';
  }
}

const intents: Intent[] = ['start-totp', 'confirm-totp', 'disable-totp', 'change-password'];

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = intents.find((candidate) => candidate === textField(form, 'intent'));
  if (!intent) throw data(null, { status: 400 });
  try {
    return redirect(await perform(context.api, intent, form));
  } catch (error) {
    redirectIfSignedOut(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ intent, errors }, { status: 400 });
  }
}

function errorsFor(
  result: { intent: Intent; errors: FormErrors } | undefined,
  intent: Intent,
): FormErrors | undefined {
  return result?.intent === intent ? result.errors : undefined;
}

function formErrorOf(errors: FormErrors | undefined): string | null | undefined {
  return errors && Object.keys(errors.fieldErrors).length === 0 ? errors.formError : null;
}

function SecondFactor({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting';
  const { secondFactor, enrolment } = loaderData;
  const confirmErrors = errorsFor(actionData, 'confirm-totp');
  const disableErrors = errorsFor(actionData, 'disable-totp');
  const startErrors = errorsFor(actionData, 'start-totp');

  if (secondFactor === 'totp') {
    return (
      <>
        <p>{t('identity.security.factor.totp')}</p>
        <Form method="post" className="space-y-3" noValidate>
          <FormError message={formErrorOf(disableErrors)} />
          <Field
            label={t('identity.field.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            errors={disableErrors?.fieldErrors.password}
          />
          <SubmitButton busy={busy} variant="secondary" name="intent" value="disable-totp">
            {t('identity.security.totp.disable')}
          </SubmitButton>
        </Form>
      </>
    );
  }

  return (
    <>
      <p>{t('identity.security.factor.sms')}</p>
      <FormError message={formErrorOf(startErrors)} />
      {enrolment && (
        <div className="space-y-3">
          <p>{t('identity.security.totp.scan')}</p>
          <img
            src={enrolment.qrCode}
            alt={t('identity.security.totp.qrAlt')}
            width={220}
            height={220}
            className="rounded border border-slate-300 bg-white"
          />
          <p className="text-sm">
            {t('identity.security.totp.manual')}:{' '}
            <code className="break-all rounded bg-slate-100 px-1 font-mono">
              {enrolment.secret}
            </code>
          </p>
          <Form method="post" className="space-y-3" noValidate>
            <FormError message={formErrorOf(confirmErrors)} />
            <Field
              label={t('identity.field.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              errors={confirmErrors?.fieldErrors.code}
            />
            <SubmitButton busy={busy} name="intent" value="confirm-totp">
              {t('identity.security.totp.confirm')}
            </SubmitButton>
          </Form>
        </div>
      )}
      <Form method="post">
        <SubmitButton
          busy={busy}
          variant={enrolment ? 'secondary' : 'primary'}
          name="intent"
          value="start-totp"
        >
          {enrolment ? t('identity.security.totp.restart') : t('identity.security.totp.start')}
        </SubmitButton>
      </Form>
    </>
  );
}

function ChangePassword({ actionData }: Pick<Route.ComponentProps, 'actionData'>) {
  const busy = useNavigation().state === 'submitting';
  const errors = errorsFor(actionData, 'change-password');

  return (
    <Form method="post" className="space-y-3" noValidate>
      <FormError message={formErrorOf(errors)} />
      <Field
        label={t('identity.security.password.current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={errors?.fieldErrors.currentPassword}
      />
      <Field
        label={t('identity.security.password.new')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={t('identity.field.passwordHint')}
        errors={errors?.fieldErrors.newPassword}
      />
      <SubmitButton busy={busy} name="intent" value="change-password">
        {t('identity.security.password.submit')}
      </SubmitButton>
    </Form>
  );
}

export default function AccountSecurity(props: Route.ComponentProps) {
  const { done } = props.loaderData;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('identity.security.title')}</h1>
      {done && <FormStatus>{t(doneMessages[done])}</FormStatus>}
      <section
        aria-labelledby="factor-title"
        className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
      >
        <h2 id="factor-title" className="text-lg font-semibold">
          {t('identity.security.factor.title')}
        </h2>
        <SecondFactor {...props} />
      </section>
      <section
        aria-labelledby="password-title"
        className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
      >
        <h2 id="password-title" className="text-lg font-semibold">
          {t('identity.security.password.title')}
        </h2>
        <ChangePassword actionData={props.actionData} />
      </section>
    </div>
  );
}
