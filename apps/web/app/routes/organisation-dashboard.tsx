import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Route } from './+types/organisation-dashboard';
import { OrganisationNav } from '../components/organisation-nav.tsx';
import { t } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { dateFormat, throwIfRefused } from '../lib/organisations.ts';

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.organisation.shortName ?? ''} — ${t('app.name')}` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  try {
    return {
      organisation: await context.api.organisations.get({ organisationId: params.organisationId }),
    };
  } catch (error) {
    throwIfRefused(error, request);
    throw error;
  }
}

type Dashboard = Route.ComponentProps['loaderData']['organisation'];

const sections: { path: string; label: MessageKey; needs: Dashboard['permissions'][number] }[] = [
  { path: 'members', label: 'organisations.dashboard.members', needs: 'members.view' },
  { path: 'powers', label: 'organisations.dashboard.powers', needs: 'members.view' },
  {
    path: 'applications',
    label: 'organisations.dashboard.applications',
    needs: 'applications.view',
  },
  { path: 'journal', label: 'organisations.dashboard.journal', needs: 'journal.view' },
  { path: 'settings', label: 'organisations.dashboard.settings', needs: 'organisation.view' },
];

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-3">
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

export default function OrganisationDashboard({ loaderData }: Route.ComponentProps) {
  const { organisation } = loaderData;
  const pending = organisation.status === 'pending_confirmation';

  return (
    <div className="space-y-6">
      <section aria-labelledby="organisation-title" className="space-y-3">
        <h1 id="organisation-title" className="text-2xl font-bold">
          {organisation.shortName}
        </h1>
        <p className="text-slate-700">{organisation.fullName}</p>
        <p className="flex flex-wrap gap-2 text-sm">
          <span
            className={`rounded px-2 py-1 font-semibold ${
              pending ? 'bg-amber-100 text-amber-900' : 'bg-green-100 text-green-900'
            }`}
          >
            {t(`organisations.status.${organisation.status}`)}
          </span>
          <span className="rounded bg-slate-100 px-2 py-1 text-slate-800">
            {t('organisations.yourRole')}: {t(`organisations.role.${organisation.role}`)}
          </span>
        </p>
        {pending && (
          <p className="text-sm text-slate-700">
            {t('organisations.status.pending_confirmation.note')}
          </p>
        )}
        <OrganisationNav organisationId={organisation.id} permissions={organisation.permissions} />
      </section>

      <section aria-labelledby="details-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="details-title" className="text-lg font-semibold">
          {t('organisations.dashboard.details')}
        </h2>
        <dl className="mt-3 space-y-2">
          <Detail term={t('organisations.field.type')}>
            {t(`organisations.type.${organisation.type}.long`)}
          </Detail>
          <Detail term={t('organisations.field.inn')}>{organisation.inn}</Detail>
          <Detail term={t('organisations.field.ogrn')}>{organisation.ogrn}</Detail>
          <Detail term={t('organisations.field.kpp')}>{organisation.kpp}</Detail>
          <Detail term={t('organisations.dashboard.registeredAt')}>
            {dateFormat.format(new Date(organisation.createdAt))}
          </Detail>
          <Detail term={t('organisations.dashboard.activeMembers')}>
            {organisation.activeMembers}
          </Detail>
        </dl>
      </section>

      <section aria-labelledby="contacts-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="contacts-title" className="text-lg font-semibold">
          {t('organisations.dashboard.contacts')}
        </h2>
        <dl className="mt-3 space-y-2">
          <Detail term={t('organisations.field.legalAddress')}>{organisation.legalAddress}</Detail>
          <Detail term={t('organisations.field.postalAddress')}>
            {organisation.postalAddress}
          </Detail>
          <Detail term={t('organisations.field.email')}>{organisation.email}</Detail>
          <Detail term={t('organisations.field.phone')}>{organisation.phone}</Detail>
        </dl>
      </section>

      <section aria-labelledby="sections-title" className="space-y-2">
        <h2 id="sections-title" className="text-lg font-semibold">
          {t('organisations.dashboard.sections')}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {sections
            .filter((section) => organisation.permissions.includes(section.needs))
            .map((section) => (
              <li key={section.path}>
                <Link
                  to={`/organisations/${organisation.id}/${section.path}`}
                  className="block rounded-lg border border-slate-300 bg-white p-3 font-semibold text-brand-800 hover:border-brand-700"
                >
                  {t(section.label)}
                </Link>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
