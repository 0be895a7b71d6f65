import { data, Form, useNavigation } from 'react-router';
import { formatKopecks } from '@orgcard/api/money';
import { toFormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/dev-bank';
import { FormError, FormStatus } from '../components/form-bits.tsx';
import { dateTimeFormat, t } from '../i18n/index.ts';
import { textField } from '../lib/form-data.ts';

export function meta() {
  return [{ title: `${t('applications.bank.title')} — ${t('app.name')}` }];
}

export async function loader({ context }: Route.LoaderArgs) {
  if (context.nodeEnv === 'production') throw data(null, { status: 404 });
  const fees = await context.api.applications.simulatorFees();

  return {
    fees: fees.map(({ amountKopecks, ...fee }) => ({
      ...fee,
      amount: formatKopecks(amountKopecks),
    })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  if (context.nodeEnv === 'production') throw data(null, { status: 404 });
  const form = await request.formData();
  try {
    const payment = await context.api.applications.simulatePayment({
      feeId: textField(form, 'feeId'),
    });

    return { payment, errors: null };
  } catch (error) {
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ payment: null, errors }, { status: 400 });
  }
}

type Payment = NonNullable<Route.ComponentProps['actionData']>['payment'];

function Answer({ payment }: { payment: Payment }) {
  if (!payment) return null;
  const outcome = t(`applications.bank.outcome.${payment.answer.body.status}`);
  const text = t('applications.bank.answer', {
    paymentId: payment.paymentId,
    status: String(payment.answer.httpStatus),
    outcome: payment.answer.body.message ? `${outcome}: ${payment.answer.body.message}` : outcome,
  });

  return <FormStatus>{text}</FormStatus>;
}

export default function DevBank({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting';

  return (
    <div className="space-y-6">
      <section aria-labelledby="bank-title" className="space-y-2">
        <h1 id="bank-title" className="text-2xl font-bold">
          {t('applications.bank.title')}
        </h1>
        <p className="text-slate-700">{t('applications.bank.lead')}</p>
      </section>
      <FormError message={actionData?.errors?.formError} />
      <Answer payment={actionData?.payment ?? null} />
      {loaderData.fees.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-4 text-slate-700">
          {t('applications.bank.empty')}
        </p>
      ) : (
        <ul className="space-y-3">
          {loaderData.fees.map((fee) => (
            <li key={fee.feeId} className="rounded-lg bg-white p-4 shadow-sm">
              <dl className="grid gap-1 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-slate-600">{t('applications.bank.organisation')}</dt>
                <dd>{fee.organisationName}</dd>
                <dt className="text-slate-600">{t('applications.bank.application')}</dt>
                <dd>
                  № {fee.applicationNumber} · {dateTimeFormat.format(new Date(fee.createdAt))}
                </dd>
                <dt className="text-slate-600">{t('applications.bank.amount')}</dt>
                <dd>{fee.amount}</dd>
                <dt className="text-slate-600">{t('applications.bank.uin')}</dt>
                <dd className="font-mono">{fee.uin}</dd>
              </dl>
              <Form method="post" className="mt-3">
                <input type="hidden" name="feeId" value={fee.feeId} />
                <button
                  type="submit"
                  disabled={busy}
                  className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
                >
                  {t('applications.bank.pay', { amount: fee.amount })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
