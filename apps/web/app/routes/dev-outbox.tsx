import { data, Form, useNavigation } from 'react-router';
import { toFormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/dev-outbox';
import { Field } from '../components/field.tsx';
import { textField } from '../lib/form-data.ts';
import { dateTimeFormat, t } from '../i18n/index.ts';

export function meta() {
  return [{ title: `${t('outbox.title')} — ${t('app.name')}` }];
}

export async function loader({ context }: Route.LoaderArgs) {
  if (context.nodeEnv === 'production') throw data(null, { status: 404 });

  return { messages: await context.api.dev.messages() };
}

export async function action({ context, request }: Route.ActionArgs) {
  if (context.nodeEnv === 'production') throw data(null, { status: 404 });
  const form = await request.formData();
  const name = textField(form, 'name');
  try {
    await context.api.dev.sendTestEmail({
      to: textField(form, 'to'),
      ...(name ? { name } : {}),
    });

    return { sent: true, errors: null };
  } catch (error) {
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ sent: false, errors }, { status: 400 });
  }
}

export default function DevOutbox({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const sending = navigation.state === 'submitting';
  const fieldErrors = actionData?.errors?.fieldErrors ?? {};

  return (
    <div className="space-y-6">
      <section aria-labelledby="outbox-title">
        <h1 id="outbox-title" className="text-2xl font-bold">
          {t('outbox.title')}
        </h1>
        <p className="mt-2 text-slate-700">{t('outbox.lead')}</p>
      </section>

      <section aria-labelledby="test-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="test-title" className="text-lg font-semibold">
          {t('outbox.test.title')}
        </h2>
        <Form method="post" className="mt-3 space-y-3" noValidate>
          <Field
            label={t('outbox.test.to')}
            name="to"
            type="email"
            required
            errors={fieldErrors.to}
          />
          <Field label={t('outbox.test.name')} name="name" errors={fieldErrors.name} />
          <button
            type="submit"
            disabled={sending}
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {t('outbox.test.submit')}
          </button>
          {actionData?.sent && (
            <p role="status" className="text-green-800">
              {t('outbox.test.sent')}
            </p>
          )}
        </Form>
      </section>

      <section aria-labelledby="list-title" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="list-title" className="text-lg font-semibold">
            {t('outbox.title')}
          </h2>
          <a href="/dev/outbox" className="text-sm font-semibold text-brand-700 underline">
            {t('outbox.refresh')}
          </a>
        </div>
        {loaderData.messages.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 bg-white p-4 text-slate-700">
            {t('outbox.empty')}
          </p>
        ) : (
          <ul className="space-y-3">
            {loaderData.messages.map((message) => (
              <li key={message.id} className="rounded-lg bg-white p-4 shadow-sm">
                <article aria-label={message.subject ?? t('outbox.sms')}>
                  <p className="text-xs uppercase text-slate-600">
                    {message.channel === 'email' ? t('outbox.email') : t('outbox.sms')} ·{' '}
                    <time dateTime={new Date(message.createdAt).toISOString()}>
                      {dateTimeFormat.format(new Date(message.createdAt))}
                    </time>
                  </p>
                  <p className="text-sm">
                    {t('outbox.to')}: {message.recipient}
                  </p>
                  {message.subject && <h3 className="mt-1 font-semibold">{message.subject}</h3>}
                  <pre className="mt-2 whitespace-pre-wrap font-sans text-sm text-slate-800">
                    {message.text}
                  </pre>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
