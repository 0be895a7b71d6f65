import { Link, redirect } from 'react-router';
import { formatKopecks } from '@orgcard/api/money';
import type { Route } from './+types/organisation-application-payment';
import { t } from '../i18n/index.ts';
import { dateFormat, isNotFound, throwIfRefused } from '../lib/applications.ts';

export function meta() {
  return [{ title: `${t('applications.payment.title')} — ${t('app.name')}` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { organisationId, applicationId } = params;
  try {
    const order = await context.api.applications.paymentOrder({ organisationId, applicationId });
    const { amountKopecks, ...rest } = order;

    return {
      order: { ...rest, amount: formatKopecks(amountKopecks) },
      showDevLinks: context.nodeEnv !== 'production',
    };
  } catch (error) {
    // No fee charged yet: the fee step charges it.
    if (isNotFound(error)) {
      throw redirect(`/organisations/${organisationId}/applications/${applicationId}?step=fee`);
    }
    throwIfRefused(error, request);
    throw error;
  }
}

type Order = Route.ComponentProps['loaderData']['order'];

function Requisites({ order }: { order: Order }) {
  const { payee } = order;
  const rows: [string, string][] = [
    [t('applications.payment.payee'), payee.name],
    [t('applications.payment.payeeInnKpp'), `${payee.inn} / ${payee.kpp}`],
    [t('applications.payment.account'), payee.account],
    [t('applications.payment.bank'), payee.bankName],
    [t('applications.payment.bic'), payee.bic],
    [t('applications.payment.corrAccount'), payee.correspondentAccount],
    [t('applications.payment.cbc'), payee.cbc],
    [t('applications.payment.oktmo'), payee.oktmo],
    [t('applications.payment.payer'), order.payerName],
    [t('applications.payment.payerInnKpp'), `${order.payerInn} / ${order.payerKpp}`],
    [t('applications.payment.amount'), order.amount],
    [t('applications.payment.purpose'), order.purpose],
    [t('applications.payment.uin'), order.uin],
  ];

  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[14rem_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-sm font-medium text-slate-600">{term}</dt>
          <dd className="break-words font-mono text-sm sm:text-base">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function ApplicationPayment({ loaderData, params }: Route.ComponentProps) {
  const { order, showDevLinks } = loaderData;
  const { organisationId } = params;
  const paid = order.status === 'paid';

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link
          to={`/organisations/${organisationId}/applications/${order.applicationId}?step=fee`}
          className="text-sm text-brand-700 underline"
        >
          {t('applications.payment.back')}
        </Link>
        <h1 className="text-2xl font-bold">{t('applications.payment.title')}</h1>
        <p className="text-slate-700">
          {t('applications.payment.for', { number: order.applicationNumber })}
        </p>
        <p role="status" className={`font-semibold ${paid ? 'text-green-900' : 'text-amber-900'}`}>
          {paid
            ? t('applications.payment.status.paid', {
                date: order.paidAt ? dateFormat.format(new Date(order.paidAt)) : '',
              })
            : t('applications.payment.status.unpaid')}
        </p>
      </header>
      <section
        aria-label={t('applications.payment.title')}
        className="rounded-lg bg-white p-4 shadow-sm"
      >
        <Requisites order={order} />
      </section>
      <section aria-labelledby="qr-title" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="qr-title" className="text-lg font-semibold">
          {t('applications.payment.qr.title')}
        </h2>
        <img
          src={order.qrImageDataUrl}
          alt={t('applications.payment.qr.alt')}
          width={320}
          height={320}
          className="h-auto max-w-full"
        />
        <p className="text-sm text-slate-700">{t('applications.payment.qr.hint')}</p>
        <h3 className="font-semibold">{t('applications.payment.qr.text')}</h3>
        <pre className="whitespace-pre-wrap break-all rounded bg-slate-100 p-3 text-sm">
          {order.qrPayload}
        </pre>
      </section>
      {showDevLinks && !paid && (
        <Link to="/dev/bank" className="inline-block font-semibold text-brand-700 underline">
          {t('applications.fee.simulator')}
        </Link>
      )}
    </div>
  );
}
