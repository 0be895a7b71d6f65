import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { toFormErrors, type FormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/signup-confirm';
import { DevCodeHint } from '../components/dev-code-hint.tsx';
import { Field } from '../components/field.tsx';
import { FormError, FormStatus, SubmitButton } from '../components/form-bits.tsx';
import { t } from '../i18n/index.ts';
import { textField } from '../lib/form-data.ts';

type Contact = 'phone' | 'email';

export function meta() {
  return [{ title: `${t('identity.confirm.title')} — ${t('app.name')}` }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const me = await context.api.auth.me();
  if (!me) throw redirect(`/signin?next=${encodeURIComponent('/signup/confirm')}`);
  // The link in the email brings its code along, so the field is filled in.
  const emailCode = new URL(request.url).searchParams.get('emailCode') ?? '';

  return {
    phoneConfirmed: me.user.phoneConfirmed,
    emailConfirmed: me.user.emailConfirmed,
    emailCode: /^\d{6}$/.test(emailCode) ? emailCode : '',
    showDevHint: context.nodeEnv !== 'production',
  };
}

function contactOf(value: string): Contact | null {
  return value === 'phone' || value === 'email' ? value : null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  const [verb, contactName] = textField(form, 'intent').split(':');
  const contact = contactOf(contactName ?? '');
  if (!contact) throw data(null, { status: 400 });
  try {
    if (verb === 'resend') {
      await context.api.auth.resendCode({ purpose: contact });

      return { contact, sent: true, confirmed: false, errors: null };
    }
    const code = textField(form, 'code');
    if (contact === 'phone') await context.api.auth.confirmPhone({ code });
    else await context.api.auth.confirmEmail({ code });
  } catch (error) {
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ contact, sent: false, confirmed: false, errors }, { status: 400 });
  }
  const me = await context.api.auth.me();
  if (me?.user.phoneConfirmed && me.user.emailConfirmed) return redirect('/');

  return { contact, sent: false, confirmed: true, errors: null };
}

interface ContactFormProps {
  contact: Contact;
  confirmed: boolean;
  defaultCode: string;
  result: { contact: Contact; sent: boolean; errors: FormErrors | null } | undefined;
  busy: boolean;
}

function ContactForm({ contact, confirmed, defaultCode, result, busy }: ContactFormProps) {
  const mine = result?.contact === contact ? result : undefined;
  const headingId = `confirm-${contact}-title`;

  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id={headingId} className="text-lg font-semibold">
        {t(`identity.confirm.${contact}.title`)}
      </h2>
      {confirmed ? (
        <FormStatus>{t(`identity.confirm.${contact}.done`)}</FormStatus>
      ) : (
        <>
          <Form method="post" className="space-y-3" noValidate>
            <FormError message={mine?.errors?.fieldErrors.code ? null : mine?.errors?.formError} />
            <Field
              label={t('identity.field.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              defaultValue={defaultCode}
              errors={mine?.errors?.fieldErrors.code}
            />
            <SubmitButton busy={busy} name="intent" value={`confirm:${contact}`}>
              {t(`identity.confirm.${contact}.submit`)}
            </SubmitButton>
          </Form>
          <Form method="post">
            {mine?.sent && <FormStatus>{t('identity.confirm.sent')}</FormStatus>}
            <SubmitButton busy={busy} variant="secondary" name="intent" value={`resend:${contact}`}>
              {t('identity.confirm.resend')}
            </SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}

export default function SignUpConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting';
  const { phoneConfirmed, emailConfirmed } = loaderData;

  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t('identity.confirm.title')}</h1>
      {phoneConfirmed && emailConfirmed ? (
        <>
          <FormStatus>{t('identity.confirm.allDone')}</FormStatus>
          <Link to="/" className="font-semibold text-brand-700 underline">
            {t('identity.confirm.continue')}
          </Link>
        </>
      ) : (
        <>
          <p className="text-slate-700">{t('identity.confirm.lead')}</p>
          <DevCodeHint show={loaderData.showDevHint} />
        </>
      )}
      <ContactForm
        contact="phone"
        confirmed={phoneConfirmed}
        defaultCode=""
        result={actionData}
        busy={busy}
      />
      <ContactForm
        contact="email"
        confirmed={emailConfirmed}
        defaultCode={loaderData.emailCode}
        result={actionData}
        busy={busy}
      />
    </div>
  );
}
