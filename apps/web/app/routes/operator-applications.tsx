import { Link } from 'react-router';
import type { Route } from './+types/operator-applications';
import { t } from '../i18n/index.ts';
import { moscowDateTime, serviceLevelText, throwIfOperatorRefused } from '../lib/review.ts';

export function meta() {
  return [{ title: `${t('review.queue.title')} — ${t('app.name')}` }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  try {
    return { queue: await context.api.review.queue() };
  } catch (error) {
    throwIfOperatorRefused(error, request);
    throw error;
  }
}

type Queued = Route.ComponentProps['loaderData']['queue'][number];

function QueueItem({ item }: { item: Queued }) {
  const overdue = item.serviceLevel.overdue;

  return (
    <li
      className={`rounded-lg bg-white p-4 shadow-sm ${overdue ? 'border-l-4 border-red-700' : 'border-l-4 border-slate-300'}`}
    >
      <article aria-labelledby={`application-${item.id}`} className="space-y-1">
        <h2 id={`application-${item.id}`} className="text-lg font-semibold">
          <Link to={`/operator/applications/${item.id}`} className="text-brand-700 underline">
            {t('review.queue.open', { number: item.number })}
          </Link>
        </h2>
        <p>
          {t(`review.cardType.${item.cardType}`)} · {item.organisation.shortName} ·{' '}
          {t('review.queue.inn')} {item.organisation.inn}
        </p>
        <p className="text-sm text-slate-700">
          {t('review.queue.applicant')}: {item.applicantName} · {t('review.queue.waitingSince')}{' '}
          <time dateTime={new Date(item.reviewStartedAt).toISOString()}>
            {moscowDateTime.format(new Date(item.reviewStartedAt))}
          </time>
        </p>
        <p className={overdue ? 'font-semibold text-red-800' : 'text-slate-800'}>
          {overdue && (
            <span className="mr-2 rounded bg-red-700 px-2 py-0.5 text-sm text-white">
              {t('review.sla.overdue')}
            </span>
          )}
          {serviceLevelText(item.serviceLevel)}
        </p>
      </article>
    </li>
  );
}

/** The operator console: applications waiting for a decision, overdue first. */
export default function OperatorApplications({ loaderData }: Route.ComponentProps) {
  const { queue } = loaderData;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t('review.queue.title')}</h1>
        <p className="text-slate-700">{t('review.queue.lead')}</p>
        {queue.length > 0 && (
          <p className="text-sm text-slate-700">
            {t('review.queue.count', { count: String(queue.length) })}
          </p>
        )}
      </header>
      {queue.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-4 text-slate-700">
          {t('review.queue.empty')}
        </p>
      ) : (
        <ul className="space-y-3">
          {queue.map((item) => (
            <QueueItem key={item.id} item={item} />
          ))}
        </ul>
      )}
    </div>
  );
}
