import { Form, Link } from 'react-router';
import type { FormErrors } from '@orgcard/api/forms';
import { FormError, SubmitButton } from './form-bits.tsx';
import { t } from '../i18n/index.ts';
import { dateFormat } from '../lib/applications.ts';
import type { PresentedApplication } from '../lib/application-view.ts';

interface FeeStepProps {
  view: PresentedApplication;
  errors: FormErrors | null;
  busy: boolean;
  showDevLinks: boolean;
}

function FeeState({ view, showDevLinks }: { view: PresentedApplication; showDevLinks: boolean }) {
  const { fee } = view;
  const paymentUrl = `/organisations/${view.application.organisationId}/applications/${view.application.id}/payment`;
  if (!fee) {
    return (
      <SubmitButton name="intent" value="fee">
        {t('applications.fee.create')}
      </SubmitButton>
    );
  }
  if (fee.status === 'paid') {
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900">
        {t('applications.fee.paid', {
          date: fee.paidAt ? dateFormat.format(new Date(fee.paidAt)) : '',
        })}
      </p>
    );
  }

  return (
    <div className="space-y-2">
      <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
        {t('applications.fee.unpaid')}
      </p>
      <p className="flex flex-wrap gap-3">
        <Link to={paymentUrl} className="font-semibold text-brand-700 underline">
          {t('applications.fee.open')}
        </Link>
        <Link to="?step=fee" className="font-semibold text-brand-700 underline">
          {t('applications.fee.refresh')}
        </Link>
        {showDevLinks && (
          <Link to="/dev/bank" className="font-semibold text-brand-700 underline">
            {t('applications.fee.simulator')}
          </Link>
        )}
      </p>
    </div>
  );
}

/** Step 3: the fee's amount, its payment order, and whether the bank confirmed it. */
export function ApplicationFeeStep({ view, errors, busy, showDevLinks }: FeeStepProps) {
  const tariff = view.tariffs.find((candidate) => candidate.code === view.application.tariffCode);

  return (
    <Form method="post" className="space-y-4">
      <p className="text-slate-700">{t('applications.fee.lead')}</p>
      <FormError message={errors?.formError} />
      {(view.fee ?? tariff) && (
        <p className="text-lg">
          {t('applications.fee.amount')}: <strong>{view.fee?.amount ?? tariff?.fee}</strong>
        </p>
      )}
      <FeeState view={view} showDevLinks={showDevLinks} />
      <div className="flex flex-wrap gap-2">
        <input type="hidden" name="step" value="submit" />
        {view.fee?.status === 'paid' && (
          <SubmitButton name="intent" value="go" busy={busy}>
            {t('applications.next')}
          </SubmitButton>
        )}
        <Link
          to="?step=documents"
          className="rounded px-4 py-2 font-semibold text-brand-700 underline"
        >
          {t('applications.previous')}
        </Link>
      </div>
    </Form>
  );
}
