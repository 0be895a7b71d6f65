import { data, Form, redirect, useNavigation } from 'react-router';
import { toFormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/account-sessions';
import { FormError, FormStatus, SubmitButton } from '../components/form-bits.tsx';
import { dateTimeFormat, t } from '../i18n/index.ts';
import { textField } from '../lib/form-data.ts';
import { redirectIfSignedOut } from '../lib/identity.ts';

export function meta() {
  return [{ title: `${t('identity.sessions.title')} — ${t('app.name')}` }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  try {
    const sessions = await context.api.account.sessions();
    const search = new URL(request.url).searchParams;

    return { sessions, endedOne: search.has('ended'), endedOthers: search.get('endedOthers') };
  } catch (error) {
    redirectIfSignedOut(error, request);
    throw error;
  }
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  try {
    if (textField(form, 'intent') === 'end-others') {
      const { ended } = await context.api.account.endOtherSessions();

      return redirect(`/account/sessions?endedOthers=${ended}`);
    }
    await context.api.account.endSession({ sessionId: textField(form, 'sessionId') });

    return redirect('/account/sessions?ended');
  } catch (error) {
    redirectIfSignedOut(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ errors }, { status: 400 });
  }
}

export default function AccountSessions({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting';
  const { sessions, endedOne, endedOthers } = loaderData;
  const others = sessions.filter((session) => !session.current);
  const formError = actionData?.errors.formError ?? actionData?.errors.fieldErrors.sessionId?.[0];

  return (
    <section aria-labelledby="sessions-title" className="space-y-4">
      <h1 id="sessions-title" className="text-2xl font-bold">
        {t('identity.sessions.title')}
      </h1>
      <p className="text-slate-700">{t('identity.sessions.lead')}</p>
      <FormError message={formError} />
      {endedOne && <FormStatus>{t('identity.sessions.ended')}</FormStatus>}
      {endedOthers && (
        <FormStatus>{t('identity.sessions.endedOthers', { count: endedOthers })}</FormStatus>
      )}
      <ul className="space-y-3">
        {sessions.map((session) => (
          <li key={session.id} className="rounded-lg bg-white p-4 shadow-sm">
            <article aria-label={session.device} className="space-y-2">
              <h2 className="font-semibold">
                {session.device}
                {session.current && (
                  <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-sm font-normal text-green-900">
                    {t('identity.sessions.current')}
                  </span>
                )}
              </h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-800">
                <dt>{t('identity.sessions.ip')}</dt>
                <dd>{session.ip}</dd>
                <dt>{t('identity.sessions.started')}</dt>
                <dd>
                  <time dateTime={session.createdAt.toISOString()}>
                    {dateTimeFormat.format(session.createdAt)}
                  </time>
                </dd>
                <dt>{t('identity.sessions.lastSeen')}</dt>
                <dd>
                  <time dateTime={session.lastSeenAt.toISOString()}>
                    {dateTimeFormat.format(session.lastSeenAt)}
                  </time>
                </dd>
              </dl>
              {!session.current && (
                <Form method="post">
                  <input type="hidden" name="sessionId" value={session.id} />
                  <SubmitButton
                    busy={busy}
                    variant="danger"
                    name="intent"
                    value="end"
                    aria-label={t('identity.sessions.endLabel', { device: session.device })}
                  >
                    {t('identity.sessions.end')}
                  </SubmitButton>
                </Form>
              )}
            </article>
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Form method="post">
          <SubmitButton busy={busy} variant="danger" name="intent" value="end-others">
            {t('identity.sessions.endOthers')}
          </SubmitButton>
        </Form>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-4 text-slate-700">
          {t('identity.sessions.onlyThis')}
        </p>
      )}
    </section>
  );
}
