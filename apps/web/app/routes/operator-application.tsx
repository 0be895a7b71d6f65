import { useId } from 'react';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { toFormErrors, type FormErrors } from '@orgcard/api/forms';
import { formatKopecks } from '@orgcard/api/money';
import type { Route } from './+types/operator-application';
import { CheckResults } from '../components/application-checks.tsx';
import { FormError, FormStatus, SubmitButton } from '../components/form-bits.tsx';
import { t } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { dateFormat, formatBytes, statusKey } from '../lib/applications.ts';
import { textField } from '../lib/form-data.ts';
import { moscowDateTime, serviceLevelText, throwIfOperatorRefused } from '../lib/review.ts';

export function meta({ data: loaded }: Route.MetaArgs) {
  const number = loaded?.view.application.number ?? '';

  return [{ title: `${t('review.application.title', { number })} — ${t('app.name')}` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  try {
    const { fee, ...view } = await context.api.review.get({ applicationId: params.applicationId });

    return {
      view,
      // Money is formatted here, so no bigint crosses to the browser.
      fee: fee && { ...fee, amount: formatKopecks(fee.amountKopecks), amountKopecks: undefined },
      decided: new URL(request.url).searchParams.has('decided'),
    };
  } catch (error) {
    throwIfOperatorRefused(error, request);
    throw error;
  }
}

type Intent = 'approve' | 'reject' | 'return';

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = textField(form, 'intent') as Intent;
  const applicationId = params.applicationId;
  try {
    if (intent === 'approve') await context.api.review.approve({ applicationId });
    else if (intent === 'reject') {
      await context.api.review.reject({ applicationId, reason: textField(form, 'reason') });
    } else if (intent === 'return') {
      await context.api.review.returnForCorrection({
        applicationId,
        remarks: textField(form, 'remarks'),
      });
    } else throw data(null, { status: 400 });

    return redirect(`/operator/applications/${applicationId}?decided=1`);
  } catch (error) {
    if (error instanceof Response) throw error;
    throwIfOperatorRefused(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ intent, errors }, { status: 400 });
  }
}

type View = Route.ComponentProps['loaderData']['view'];
type ActionResult = { intent: Intent; errors: FormErrors } | undefined;

function Definitions({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-sm font-medium text-slate-600">{term}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function OrganisationPanel({ view }: { view: View }) {
  const { organisation } = view;

  return (
    <Panel id="organisation-title" title={t('review.organisation.title')}>
      <Definitions
        rows={[
          [t('review.organisation.fullName'), organisation.fullName],
          [t('review.organisation.inn'), organisation.inn],
          [t('review.organisation.ogrn'), organisation.ogrn],
          [t('review.organisation.kpp'), organisation.kpp],
          [t('review.organisation.legalAddress'), organisation.legalAddress],
          [t('review.organisation.postalAddress'), organisation.postalAddress],
          [t('review.organisation.contacts'), `${organisation.email}, ${organisation.phone}`],
          [
            t('review.organisation.status'),
            t(`review.organisation.status.${organisation.status}` as MessageKey),
          ],
        ]}
      />
    </Panel>
  );
}

function FormPanel({ view }: { view: View }) {
  const { application, applicant } = view;
  const empty = t('review.application.empty');
  const submitted = application.submittedAt
    ? moscowDateTime.format(new Date(application.submittedAt))
    : empty;

  return (
    <Panel id="form-title" title={t('review.application.form')}>
      <Definitions
        rows={[
          [
            t('review.applicant.title'),
            `${applicant.fullName} (${applicant.email}, ${applicant.phone})`,
          ],
          [t('review.application.holder'), application.holder?.fullName ?? empty],
          [t('review.application.purpose'), application.purpose ?? empty],
          [t('review.application.department'), application.department ?? empty],
          [
            t('review.application.tariff'),
            application.tariffName ?? application.tariffCode ?? empty,
          ],
          [t('review.application.submittedAt'), submitted],
        ]}
      />
    </Panel>
  );
}

function DocumentsPanel({ view }: { view: View }) {
  const base = `/operator/applications/${view.application.id}/documents`;

  return (
    <Panel id="documents-title" title={t('review.documents.title')}>
      {view.documents.length === 0 ? (
        <p className="text-slate-700">{t('review.documents.empty')}</p>
      ) : (
        <>
          <ul className="space-y-2">
            {view.documents.map((document) => (
              <li key={document.id} className="text-sm">
                <span className="font-medium">{document.kindName}</span>:{' '}
                <a
                  href={`${base}/${document.id}`}
                  target="_blank"
                  rel="noreferrer"
                  className="font-semibold text-brand-700 underline"
                >
                  {document.fileName}
                </a>{' '}
                ({formatBytes(document.sizeBytes)}
                {document.issuedOn &&
                  `, ${t('review.documents.issuedOn', { date: dateFormat.format(new Date(`${document.issuedOn}T12:00:00Z`)) })}`}
                )
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-slate-600">{t('review.documents.note')}</p>
        </>
      )}
    </Panel>
  );
}

function FeePanel({ fee }: { fee: Route.ComponentProps['loaderData']['fee'] }) {
  let text = t('review.fee.none');
  if (fee?.status === 'paid') {
    const date = fee.paidAt ? dateFormat.format(new Date(fee.paidAt)) : '';
    text = t('review.fee.paid', { amount: fee.amount, date, uin: fee.uin });
  } else if (fee) {
    text = t('review.fee.unpaid', { amount: fee.amount, uin: fee.uin });
  }

  return (
    <Panel id="fee-title" title={t('review.fee.title')}>
      <p>{text}</p>
    </Panel>
  );
}

function TextArea({
  label,
  name,
  hint,
  errors,
}: {
  label: string;
  name: string;
  hint: string;
  errors?: string[] | undefined;
}) {
  const id = useId();
  const invalid = Boolean(errors?.length);

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        className={`block w-full rounded border px-3 py-2 text-base ${invalid ? 'border-red-700' : 'border-slate-400'}`}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {hint}
      </p>
      {invalid && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-800">
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}

function DecisionForms({ result }: { result: ActionResult }) {
  const busy = useNavigation().state === 'submitting';
  const errorsOf = (intent: Intent) => (result?.intent === intent ? result.errors : null);

  return (
    <div className="space-y-6">
      <Form method="post" className="space-y-2">
        <input type="hidden" name="intent" value="approve" />
        <FormError message={errorsOf('approve')?.formError} />
        <p className="text-sm text-slate-700">{t('review.decision.approveHint')}</p>
        <SubmitButton busy={busy}>{t('review.decision.approve')}</SubmitButton>
      </Form>
      <Form method="post" className="space-y-2" noValidate>
        <input type="hidden" name="intent" value="return" />
        <FormError message={errorsOf('return')?.formError} />
        <TextArea
          label={t('review.decision.remarks')}
          name="remarks"
          hint={t('review.decision.remarksHint')}
          errors={errorsOf('return')?.fieldErrors.remarks}
        />
        <SubmitButton busy={busy} variant="secondary">
          {t('review.decision.return')}
        </SubmitButton>
      </Form>
      <Form method="post" className="space-y-2" noValidate>
        <input type="hidden" name="intent" value="reject" />
        <FormError message={errorsOf('reject')?.formError} />
        <TextArea
          label={t('review.decision.reason')}
          name="reason"
          hint={t('review.decision.reasonHint')}
          errors={errorsOf('reject')?.fieldErrors.reason}
        />
        <SubmitButton busy={busy} variant="danger">
          {t('review.decision.reject')}
        </SubmitButton>
      </Form>
    </div>
  );
}

function DecisionPanel({
  view,
  decided,
  result,
}: {
  view: View;
  decided: boolean;
  result: ActionResult;
}) {
  const { application } = view;
  const doneKey = `review.decision.done.${application.status}` as MessageKey;
  const justDecided =
    decided && ['approved', 'rejected', 'needs_correction'].includes(application.status);

  return (
    <Panel id="decision-title" title={t('review.decision.title')}>
      {justDecided && <FormStatus>{t(doneKey)}</FormStatus>}
      {view.canDecide ? (
        <DecisionForms result={result} />
      ) : (
        <div className="space-y-2 text-slate-800">
          {!justDecided && <p>{t('review.decision.closed')}</p>}
          {application.status === 'rejected' && application.decisionReason && (
            <p>{t('review.decision.reasonShown', { reason: application.decisionReason })}</p>
          )}
          {application.status === 'needs_correction' && application.correctionRemarks && (
            <p className="whitespace-pre-line">
              {t('review.decision.remarksShown', { remarks: application.correctionRemarks })}
            </p>
          )}
        </div>
      )}
    </Panel>
  );
}

/** One application as the operator reviews it, with the three decisions. */
export default function OperatorApplication({ loaderData, actionData }: Route.ComponentProps) {
  const { view, fee, decided } = loaderData;
  const { application } = view;
  const checks = {
    ...view.checks,
    status: application.status,
    checkRun: application.checkRun,
    correctionRemarks: application.correctionRemarks,
    decisionReason: application.decisionReason,
  };

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link to="/operator/applications" className="text-sm text-brand-700 underline">
          {t('review.application.back')}
        </Link>
        <h1 className="text-2xl font-bold">
          {t('review.application.title', { number: application.number })}
        </h1>
        <p className="text-slate-700">
          {t(`review.cardType.${application.cardType}`)} · {view.organisation.shortName} ·{' '}
          {t('review.application.status')}: <strong>{t(statusKey(application.status))}</strong>
        </p>
        {view.serviceLevel && (
          <p
            className={view.serviceLevel.overdue ? 'font-semibold text-red-800' : 'text-slate-800'}
          >
            {t('review.sla.title')}:{' '}
            {view.serviceLevel.overdue && (
              <span className="mr-1 rounded bg-red-700 px-2 py-0.5 text-sm text-white">
                {t('review.sla.overdue')}
              </span>
            )}
            {serviceLevelText(view.serviceLevel)}
          </p>
        )}
      </header>
      <OrganisationPanel view={view} />
      <FormPanel view={view} />
      <DocumentsPanel view={view} />
      <Panel id="checks-title" title={t('review.checks.title')}>
        <CheckResults checks={checks} />
      </Panel>
      <FeePanel fee={fee} />
      <DecisionPanel view={view} decided={decided} result={actionData} />
    </div>
  );
}
