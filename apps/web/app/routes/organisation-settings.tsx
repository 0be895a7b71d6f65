import { data, Form, useNavigation } from 'react-router';
import { toFormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/organisation-settings';
import { Field } from '../components/field.tsx';
import { FormError, FormStatus, SubmitButton } from '../components/form-bits.tsx';
import { OrganisationHeading } from '../components/organisation-nav.tsx';
import { t } from '../i18n/index.ts';
import { textField } from '../lib/form-data.ts';
import { throwIfRefused } from '../lib/organisations.ts';

export function meta() {
  return [{ title: `${t('organisations.settings.title')} — ${t('app.name')}` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  try {
    return {
      organisation: await context.api.organisations.get({ organisationId: params.organisationId }),
    };
  } catch (error) {
    throwIfRefused(error, request);
    throw error;
  }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await request.formData();
  const minutes = textField(form, 'idleTimeoutMinutes');
  try {
    await context.api.organisations.updateSettings({
      organisationId: params.organisationId,
      // Not a number at all reaches the procedure as NaN, which it names in Russian.
      idleTimeoutMinutes: minutes === '' ? Number.NaN : Number(minutes),
    });

    return { saved: true, errors: null };
  } catch (error) {
    throwIfRefused(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ saved: false, errors }, { status: 400 });
  }
}

export default function OrganisationSettings({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const { organisation } = loaderData;
  const canManage = organisation.permissions.includes('organisation.manage');

  return (
    <div className="space-y-6">
      <OrganisationHeading
        organisationId={organisation.id}
        permissions={organisation.permissions}
        shortName={organisation.shortName}
        title={t('organisations.settings.title')}
        titleId="settings-title"
      />

      <section className="rounded-lg bg-white p-4 shadow-sm">
        {canManage ? (
          <Form method="post" noValidate className="space-y-3">
            <FormError message={actionData?.errors?.formError} />
            <Field
              label={t('organisations.settings.idle')}
              name="idleTimeoutMinutes"
              type="number"
              inputMode="numeric"
              min={5}
              max={120}
              required
              defaultValue={organisation.idleTimeoutMinutes}
              hint={t('organisations.settings.idleHint')}
              errors={actionData?.errors?.fieldErrors.idleTimeoutMinutes}
            />
            <SubmitButton busy={navigation.state === 'submitting'}>
              {t('organisations.settings.submit')}
            </SubmitButton>
            {actionData?.saved && <FormStatus>{t('organisations.settings.saved')}</FormStatus>}
          </Form>
        ) : (
          <div className="space-y-2">
            <p>
              {t('organisations.settings.idle')}:{' '}
              {t('organisations.settings.current', {
                minutes: String(organisation.idleTimeoutMinutes),
              })}
            </p>
            <p className="text-sm text-slate-700">{t('organisations.settings.readOnly')}</p>
          </div>
        )}
      </section>
    </div>
  );
}
