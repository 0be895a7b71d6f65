import type { Route } from './+types/home';
import { t } from '../i18n/index.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const health = await context.api.system.health();

  return { database: health.database, redis: health.redis, ok: health.ok };
}

const steps = [
  t('home.steps.register'),
  t('home.steps.apply'),
  t('home.steps.review'),
  t('home.steps.activate'),
];

export default function Home({ loaderData }: Route.ComponentProps) {
  const { ok, database, redis } = loaderData;

  return (
    <div className="space-y-6">
      <section aria-labelledby="home-title">
        <h1 id="home-title" className="text-2xl font-bold sm:text-3xl">
          {t('home.title')}
        </h1>
        <p className="mt-3 text-slate-700">{t('home.lead')}</p>
      </section>

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
