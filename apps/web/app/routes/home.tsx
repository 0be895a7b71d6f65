import { Link } from 'react-router';
import type { Route } from './+types/home';
import { t } from '../i18n/index.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const [health, me] = await Promise.all([context.api.system.health(), context.api.auth.me()]);
  // A signed-in person sees their organisations first; a visitor sees the landing alone.
  const organisations = me ? await context.api.organisations.mine() : null;

  return { database: health.database, redis: health.redis, ok: health.ok, organisations };
}

type Organisations = NonNullable<Route.ComponentProps['loaderData']['organisations']>;

function MyOrganisations({ organisations }: { organisations: Organisations }) {
  return (
    <section aria-labelledby="my-organisations-title" className="space-y-3">
      <h1 id="my-organisations-title" className="text-2xl font-bold sm:text-3xl">
        {t('organisations.home.title')}
      </h1>
      {organisations.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-4 text-slate-700">
          {t('organisations.home.empty')}
        </p>
      ) : (
        <ul className="space-y-2">
          {organisations.map((organisation) => (
            <li key={organisation.id}>
              <Link
                to={`/organisations/${organisation.id}`}
                className="block rounded-lg border border-slate-300 bg-white p-4 hover:border-brand-700"
              >
                <span className="block font-semibold text-brand-800">{organisation.shortName}</span>
                <span className="block text-sm text-slate-700">
                  {t('organisations.home.inn', { inn: organisation.inn })} ·{' '}
                  {t(`organisations.role.${organisation.role}`)} ·{' '}
                  {t(`organisations.status.${organisation.status}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link
        to="/organisations/new"
        className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {t('organisations.home.register')}
      </Link>
    </section>
  );
}

const steps = [
  t('home.steps.register'),
  t('home.steps.apply'),
  t('home.steps.review'),
  t('home.steps.activate'),
];

export default function Home({ loaderData }: Route.ComponentProps) {
  const { ok, database, redis, organisations } = loaderData;

  return (
    <div className="space-y-6">
      {organisations ? (
        <MyOrganisations organisations={organisations} />
      ) : (
        <section aria-labelledby="home-title">
          <h1 id="home-title" className="text-2xl font-bold sm:text-3xl">
            {t('home.title')}
          </h1>
          <p className="mt-3 text-slate-700">{t('home.lead')}</p>
        </section>
      )}

      <section aria-labelledby="steps-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="steps-title" className="text-lg font-semibold">
          {t('home.steps.title')}
        </h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5 text-slate-800">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="status-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="status-title" className="text-lg font-semibold">
          {t('home.status.title')}
        </h2>
        <p role="status" className={ok ? 'mt-2 text-green-800' : 'mt-2 text-red-800'}>
          {ok ? t('home.status.ok') : t('home.status.degraded')}
        </p>
        <dl className="mt-2 grid grid-cols-2 gap-1 text-sm">
          <dt>{t('home.status.database')}</dt>
          <dd>{database ? t('status.up') : t('status.down')}</dd>
          <dt>{t('home.status.redis')}</dt>
          <dd>{redis ? t('status.up') : t('status.down')}</dd>
        </dl>
      </section>
    </div>
  );
}
