import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@orgcard/api';
import { t } from '../i18n/index.ts';
import { actionLabel, moscowDateTime } from '../lib/review.ts';

type ReviewOutputs = inferRouterOutputs<AppRouter>['review'];
type Caller = { review: { checks: Loader<'checks'>; history: Loader<'history'> } };
type Loader<K extends 'checks' | 'history'> = (input: {
  organisationId: string;
  applicationId: string;
}) => Promise<ReviewOutputs[K]>;

/** What the block shows: the latest check results and the application's history. */
export interface ApplicationReviewData {
  checks: ReviewOutputs['checks'];
  history: ReviewOutputs['history'];
}

/** Loads the block's data in a route loader: `review: await loadApplicationReview(context.api, ids)`. */
export async function loadApplicationReview(
  api: Caller,
  ids: { organisationId: string; applicationId: string },
): Promise<ApplicationReviewData> {
  const [checks, history] = await Promise.all([api.review.checks(ids), api.review.history(ids)]);

  return { checks, history };
}

export interface ApplicationChecksProps {
  application: { id: string; organisationId: string; status: string; checkRun: number };
  review?: ApplicationReviewData | null | undefined;
}

type CheckResult = ApplicationReviewData['checks']['results'][number];

function ResultItem({ result }: { result: CheckResult }) {
  const subject = result.documentName ?? t('review.checks.application');

  return (
    <li
      className={`rounded border p-3 ${result.passed ? 'border-slate-200' : 'border-red-300 bg-red-50'}`}
    >
      <p className="text-sm">
        <span aria-hidden="true" className={result.passed ? 'text-green-800' : 'text-red-800'}>
          {result.passed ? '✓ ' : '✗ '}
        </span>
        <strong className={result.passed ? 'text-green-900' : 'text-red-900'}>
          {result.passed ? t('review.checks.passed') : t('review.checks.failed')}
        </strong>{' '}
        · <span className="text-slate-700">{subject}</span>
      </p>
      <p className="mt-1 text-slate-900">{result.reason}</p>
    </li>
  );
}

function ResultList({ results }: { results: CheckResult[] }) {
  if (results.length === 0) return null;

  return (
    <ul className="space-y-2">
      {results.map((result) => (
        <ResultItem key={`${result.documentId ?? 'application'}-${result.check}`} result={result} />
      ))}
    </ul>
  );
}

/** The results of the latest run: failures in full, passed checks folded, with the run number. */
export function CheckResults({ checks }: { checks: ApplicationReviewData['checks'] }) {
  const passed = checks.results.filter((result) => result.passed);
  const failed = checks.results.length - passed.length;
  const running = checks.status === 'submitted' || checks.status === 'checking';

  return (
    <div className="space-y-3">
      {running && (
        <p role="status" className="text-slate-700">
          {t('review.checks.running')}
        </p>
      )}
      {checks.run === null ? (
        !running && <p className="text-slate-700">{t('review.checks.none')}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {t('review.checks.run', { run: String(checks.run) })} ·{' '}
            {failed === 0
              ? t('review.checks.summary.ok')
              : t('review.checks.summary.failed', { count: String(failed) })}
          </p>
          <ResultList results={checks.results.filter((result) => !result.passed)} />
          {passed.length > 0 && (
            <details className="rounded border border-slate-200 p-3">
              <summary className="cursor-pointer font-medium text-slate-800">
                {t('review.checks.passedList', { count: String(passed.length) })}
              </summary>
              <div className="mt-2">
                <ResultList results={passed} />
              </div>
            </details>
          )}
        </>
      )}
    </div>
  );
}

function History({ history }: { history: ApplicationReviewData['history'] }) {
  if (history.length === 0) return <p className="text-slate-700">{t('review.history.empty')}</p>;

  return (
    <ol className="space-y-2">
      {history.map((event) => {
        const actor =
          event.actorKind === 'operator'
            ? t('review.history.operator')
            : (event.actorName ?? t('review.history.system'));
        const run =
          event.run === null ? '' : t('review.history.runSuffix', { run: String(event.run) });

        return (
          <li key={event.id} className="text-sm">
            <time dateTime={new Date(event.occurredAt).toISOString()} className="text-slate-600">
              {moscowDateTime.format(new Date(event.occurredAt))}
            </time>{' '}
            — <strong>{actionLabel(event.action)}</strong>
            {run} · <span className="text-slate-700">{actor}</span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The results of the automatic checks (each with its Russian reason and the run number) and
 * the history of an application, for the applicant's status page.
 */
export function ApplicationChecks({ application, review }: ApplicationChecksProps) {
  if (!review) return null;

  return (
    <div className="space-y-6">
      {application.checkRun > 0 && (
        <section
          aria-labelledby="application-checks-title"
          className="rounded-lg bg-white p-4 shadow-sm"
        >
          <h2 id="application-checks-title" className="mb-2 text-lg font-semibold">
            {t('review.checks.title')}
          </h2>
          <CheckResults checks={review.checks} />
        </section>
      )}
      <section
        aria-labelledby="application-history-title"
        className="rounded-lg bg-white p-4 shadow-sm"
      >
        <h2 id="application-history-title" className="mb-2 text-lg font-semibold">
          {t('review.history.title')}
        </h2>
        <History history={review.history} />
      </section>
    </div>
  );
}
