import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { toFormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/organisation-applications';
import { FormError, SubmitButton } from '../components/form-bits.tsx';
import { t } from '../i18n/index.ts';
import { dateFormat, statusKey, throwIfRefused } from '../lib/applications.ts';

export function meta() {
  return [{ title: `${t('applications.title')} — ${t('app.name')}` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  try {
    const listed = await context.api.applications.list({ organisationId: params.organisationId });

    return { organisationId: params.organisationId, ...listed };
  } catch (error) {
    throwIfRefused(error, request);
    throw error;
  }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const { organisationId } = params;
  try {
    const application = await context.api.applications.create({ organisationId });

    return redirect(`/organisations/${organisationId}/applications/${application.id}`);
  } catch (error) {
    throwIfRefused(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ errors }, { status: 400 });
  }
}

export default function OrganisationApplications({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const { organisationId, applications, canManage } = loaderData;

  return (
    <div className="space-y-6">
      <section aria-labelledby="applications-title" className="space-y-2">
        <h1 id="applications-title" className="text-2xl font-bold">
          {t('applications.title')}
        </h1>
        <p className="text-slate-700">{t('applications.lead')}</p>
      </section>

      {canManage ? (
        <Form method="post" className="space-y-2">
          <FormError message={actionData?.errors.formError} />
          <SubmitButton busy={navigation.state === 'submitting'}>
            {t('applications.new')}
          </SubmitButton>
          <p className="text-sm text-slate-600">{t('applications.new.hint')}</p>
        </Form>
      ) : (
        <p className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-700">
          {t('applications.readOnly')}
        </p>
      )}

      {applications.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-4 text-slate-700">
          {t('applications.empty')}
        </p>
      ) : (
        <ul className="space-y-3" aria-label={t('applications.title')}>
          {applications.map((application) => (
            <li key={application.id} className="rounded-lg bg-white p-4 shadow-sm">
              <h2 className="font-semibold">
                <Link
                  to={`/organisations/${organisationId}/applications/${application.id}`}
                  className="text-brand-800 underline"
                >
                  {t('applications.number', { number: application.number })}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                {t(`applications.cardType.${application.cardType}`)} ·{' '}
                {t('applications.statusLabel')}:{' '}
                <strong className="font-semibold">{t(statusKey(application.status))}</strong>
              </p>
              <p className="text-sm text-slate-600">
                {t('applications.createdAt')}: {dateFormat.format(new Date(application.createdAt))}
                {application.submittedAt &&
                  ` · ${t('applications.submittedAt')}: ${dateFormat.format(new Date(application.submittedAt))}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
