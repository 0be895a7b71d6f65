import { t } from '../i18n/index.ts';
import { dateFormat, formatBytes, kindKey, statusLeadKey } from '../lib/applications.ts';
import type { PresentedApplication } from '../lib/application-view.ts';

function FeeLine({ view }: { view: PresentedApplication }) {
  const { fee } = view;
  if (!fee) return <>{t('applications.details.feeNone')}</>;
  if (fee.status === 'paid') {
    const date = fee.paidAt ? dateFormat.format(new Date(fee.paidAt)) : '';

    return <>{t('applications.details.feePaid', { amount: fee.amount, date, uin: fee.uin })}</>;
  }

  return <>{t('applications.details.feeUnpaid', { amount: fee.amount, uin: fee.uin })}</>;
}

/** The form's answers, read-only. */
function FormAnswers({ view }: { view: PresentedApplication }) {
  const { application } = view;
  const holder = view.holderCandidates.find(
    (candidate) => candidate.memberId === application.holderMemberId,
  );
  const tariff = view.tariffs.find((candidate) => candidate.code === application.tariffCode);
  const empty = t('applications.details.empty');
  const rows: [string, string][] = [
    [t('applications.form.purpose'), application.purpose ?? empty],
    [t('applications.form.holder'), holder?.fullName ?? empty],
    [t('applications.form.department'), application.department ?? empty],
    [t('applications.form.tariff'), tariff?.label ?? empty],
  ];

  return (
    <dl className="grid gap-2 sm:grid-cols-[12rem_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-sm font-medium text-slate-600">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The status page: what happens now, the answers, the documents and the fee. */
export function ApplicationStatus({ view }: { view: PresentedApplication }) {
  const { application } = view;
  const { id, organisationId } = application;

  return (
    <div className="space-y-4">
      <p className="text-slate-800">{t(statusLeadKey(application.status))}</p>
      {application.submittedAt && (
        <p className="text-sm text-slate-700">
          {t('applications.submittedAt')}: {dateFormat.format(new Date(application.submittedAt))}
        </p>
      )}
      {application.status === 'rejected' && application.decisionReason && (
        <p className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {t('applications.status.reason')}: {application.decisionReason}
        </p>
      )}
      <section aria-labelledby="answers-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="answers-title" className="mb-2 text-lg font-semibold">
          {t('applications.details.title')}
        </h2>
        <FormAnswers view={view} />
      </section>
      <section aria-labelledby="documents-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="documents-title" className="mb-2 text-lg font-semibold">
          {t('applications.details.documents')}
        </h2>
        <ul className="space-y-1">
          {view.documents.map((document) => (
            <li key={document.id} className="text-sm">
              {t(kindKey(document.kind))}:{' '}
              <a
                href={`/api/applications/${id}/documents/${document.id}?organisationId=${organisationId}`}
                className="font-semibold text-brand-700 underline"
              >
                {document.fileName}
              </a>{' '}
              ({formatBytes(document.sizeBytes)})
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="fee-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="fee-title" className="mb-2 text-lg font-semibold">
          {t('applications.details.fee')}
        </h2>
        <p>
          <FeeLine view={view} />
        </p>
      </section>
    </div>
  );
}
