import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { toFormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/signup';
import { Field } from '../components/field.tsx';
import { FormError, SubmitButton } from '../components/form-bits.tsx';
import { t } from '../i18n/index.ts';
import { textField } from '../lib/form-data.ts';
import { passwordValue } from '../lib/identity.ts';

export function meta() {
  return [{ title: `${t('identity.signUp.title')} — ${t('app.name')}` }];
}

export async function loader({ context }: Route.LoaderArgs) {
  if (await context.api.auth.me()) throw redirect('/');

  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  const values = {
    fullName: textField(form, 'fullName'),
    email: textField(form, 'email'),
    phone: textField(form, 'phone'),
  };
  try {
    await context.api.auth.signUp({ ...values, password: passwordValue(form, 'password') });
  } catch (error) {
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ errors, values }, { status: 400 });
  }

  // The session cookie set by the procedure travels with this redirect.
  return redirect('/signup/confirm');
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting';
  const fieldErrors = actionData?.errors.fieldErrors ?? {};
  const values = actionData?.values;
  // Field errors speak for themselves; the form's own message is for everything else.
  const formError = Object.keys(fieldErrors).length === 0 ? actionData?.errors.formError : null;

  return (
    <section aria-labelledby="signup-title" className="mx-auto max-w-md space-y-4">
      <h1 id="signup-title" className="text-2xl font-bold">
        {t('identity.signUp.title')}
      </h1>
      <p className="text-slate-700">{t('identity.signUp.lead')}</p>
      <Form method="post" className="space-y-4 rounded-lg bg-white p-4 shadow-sm" noValidate>
        <FormError message={formError} />
        <Field
          label={t('identity.field.fullName')}
          name="fullName"
          autoComplete="name"
          required
          defaultValue={values?.fullName}
          errors={fieldErrors.fullName}
        />
        <Field
          label={t('identity.field.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values?.email}
          errors={fieldErrors.email}
        />
        <Field
          label={t('identity.field.phone')}
          name="phone"
          type="tel"
          autoComplete="tel"
          required
          hint={t('identity.field.phoneHint')}
          defaultValue={values?.phone}
          errors={fieldErrors.phone}
        />
        <Field
          label={t('identity.field.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t('identity.field.passwordHint')}
          errors={fieldErrors.password}
        />
        <SubmitButton busy={busy}>{t('identity.signUp.submit')}</SubmitButton>
      </Form>
      <p className="text-slate-700">
        {t('identity.signUp.haveAccount')}{' '}
        <Link to="/signin" className="font-semibold text-brand-700 underline">
          {t('identity.nav.signIn')}
        </Link>
      </p>
    </section>
  );
}
