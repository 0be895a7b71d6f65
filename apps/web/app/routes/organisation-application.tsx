import { data, Link, redirect, useNavigation } from 'react-router';
import { toFormErrors, type FormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/organisation-application';
import { ApplicationChecks, loadApplicationReview } from '../components/application-checks.tsx';
import { ApplicationDocumentsStep } from '../components/application-documents-step.tsx';
import { ApplicationFeeStep } from '../components/application-fee-step.tsx';
import { ApplicationFormStep } from '../components/application-form-step.tsx';
import { ApplicationStatus } from '../components/application-status.tsx';
import { ApplicationSteps } from '../components/application-steps.tsx';
import { ApplicationSubmitStep } from '../components/application-submit-step.tsx';
import { t } from '../i18n/index.ts';
import { isWizardStep, statusKey, throwIfRefused, type WizardStep } from '../lib/applications.ts';
import { presentApplication, type PresentedApplication } from '../lib/application-view.ts';
import { textField } from '../lib/form-data.ts';

type Api = Route.ActionArgs['context']['api'];
type Ids = { organisationId: string; applicationId: string };

export function meta({ data: loaded }: Route.MetaArgs) {
  const number = loaded?.view.application.number ?? '';

  return [{ title: `${t('applications.number', { number })} — ${t('app.name')}` }];
}

/** Where the wizard opens: the step asked for, else where the applicant left off. */
function stepOf(url: URL, view: PresentedApplication): WizardStep {
  const asked = url.searchParams.get('step');
  if (isWizardStep(asked)) return asked;
  // Back from the checks, the fix is in the documents.
  if (view.application.status === 'needs_correction') return 'documents';

  return view.application.step;
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { organisationId, applicationId } = params;
  try {
    const view = presentApplication(
      await context.api.applications.get({ organisationId, applicationId }),
    );

    return {
      view,
      review: await loadApplicationReview(context.api, { organisationId, applicationId }),
      step: stepOf(new URL(request.url), view),
      showDevLinks: context.nodeEnv !== 'production',
    };
  } catch (error) {
    throwIfRefused(error, request);
    throw error;
  }
}

const here = (ids: Ids, step?: WizardStep) =>
  `/organisations/${ids.organisationId}/applications/${ids.applicationId}${step ? `?step=${step}` : ''}`;

async function saveForm(api: Api, ids: Ids, form: FormData, next: boolean) {
  await api.applications.update({
    ...ids,
    purpose: textField(form, 'purpose'),
    holderMemberId: textField(form, 'holderMemberId'),
    department: textField(form, 'department'),
    tariffCode: textField(form, 'tariffCode'),
    ...(next ? { step: 'documents' as const } : {}),
  });

  return next ? redirect(here(ids, 'documents')) : { saved: true };
}

/** Runs the intent of a submitted form; a redirect on success, or what the page should say. */
async function perform(api: Api, ids: Ids, form: FormData) {
  const intent = textField(form, 'intent');
  switch (intent) {
    case 'save':
    case 'save-next':
      return saveForm(api, ids, form, intent === 'save-next');
    case 'go': {
      const step = textField(form, 'step');
      if (!isWizardStep(step)) throw data(null, { status: 400 });
      await api.applications.update({ ...ids, step });

      return redirect(here(ids, step));
    }
    case 'remove-document':
      await api.applications.removeDocument({ ...ids, documentId: textField(form, 'documentId') });

      return { removed: true };
    case 'fee':
      await api.applications.fee(ids);

      return redirect(`${here(ids)}/payment`);
    case 'request-code':
      return { codeSentTo: (await api.applications.requestSubmitCode(ids)).sentTo };
    case 'submit':
      await api.applications.submit({ ...ids, code: textField(form, 'code') });

      return redirect(here(ids));
    default:
      throw data(null, { status: 400 });
  }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const ids = { organisationId: params.organisationId, applicationId: params.applicationId };
  const form = await request.formData();
  try {
    return await perform(context.api, ids, form);
  } catch (error) {
    if (error instanceof Response) throw error;
    throwIfRefused(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ errors }, { status: 400 });
  }
}

interface ActionResult {
  errors?: FormErrors;
  saved?: boolean;
  removed?: boolean;
  codeSentTo?: string;
}

function Wizard({
  loaderData,
  actionData,
}: {
  loaderData: Route.ComponentProps['loaderData'];
  actionData: ActionResult | undefined;
}) {
  const busy = useNavigation().state === 'submitting';
  const { view, step, showDevLinks } = loaderData;
  const errors = actionData?.errors ?? null;

  return (
    <section aria-labelledby="step-title" className="space-y-4">
      <ApplicationSteps current={step} />
      <h2 id="step-title" className="text-xl font-semibold">
        {t(`applications.step.${step}`)}
      </h2>
      {step === 'form' && (
        <ApplicationFormStep
          view={view}
          errors={errors}
          saved={Boolean(actionData?.saved)}
          busy={busy}
        />
      )}
      {step === 'documents' && (
        <ApplicationDocumentsStep
          view={view}
          errors={errors}
          removed={Boolean(actionData?.removed)}
          busy={busy}
        />
      )}
      {step === 'fee' && (
        <ApplicationFeeStep view={view} errors={errors} busy={busy} showDevLinks={showDevLinks} />
      )}
      {step === 'submit' && (
        <ApplicationSubmitStep
          view={view}
          errors={errors}
          codeSentTo={actionData?.codeSentTo ?? null}
          busy={busy}
          showDevLinks={showDevLinks}
        />
      )}
    </section>
  );
}

export default function OrganisationApplication({ loaderData, actionData }: Route.ComponentProps) {
  const { view } = loaderData;
  const { application } = view;
  const wizard = view.editable && view.canManage;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link
          to={`/organisations/${application.organisationId}/applications`}
          className="text-sm text-brand-700 underline"
        >
          {t('applications.back')}
        </Link>
        <h1 className="text-2xl font-bold">
          {t('applications.number', { number: application.number })}
        </h1>
        <p className="text-slate-700">
          {t(`applications.cardType.${application.cardType}`)} · {t('applications.statusLabel')}:{' '}
          <strong>{t(statusKey(application.status))}</strong>
        </p>
      </header>
      {application.status === 'needs_correction' && application.correctionRemarks && (
        <section
          aria-labelledby="remarks-title"
          className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950"
        >
          <h2 id="remarks-title" className="font-semibold">
            {t('applications.status.remarks')}
          </h2>
          <p className="mt-1 whitespace-pre-line">{application.correctionRemarks}</p>
        </section>
      )}
      {wizard ? (
        <Wizard loaderData={loaderData} actionData={actionData} />
      ) : (
        <ApplicationStatus view={view} />
      )}
      <ApplicationChecks application={application} review={loaderData.review} />
    </div>
  );
}
