import { Link, NavLink } from 'react-router';
import type { Permission } from '@orgcard/api';
import { t } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/ru.ts';

interface OrganisationNavProps {
  organisationId: string;
  /** What the signed-in member may do here; sections they cannot open are not shown. */
  permissions: readonly Permission[];
}

const sections: { path: string; label: MessageKey; needs: Permission }[] = [
  { path: '', label: 'organisations.nav.overview', needs: 'organisation.view' },
  { path: '/members', label: 'organisations.nav.members', needs: 'members.view' },
  { path: '/powers', label: 'organisations.nav.powers', needs: 'members.view' },
  { path: '/applications', label: 'organisations.nav.applications', needs: 'applications.view' },
  { path: '/journal', label: 'organisations.nav.journal', needs: 'journal.view' },
  { path: '/settings', label: 'organisations.nav.settings', needs: 'organisation.view' },
];

/** The sections of one organisation, as a second row of navigation. */
export function OrganisationNav({ organisationId, permissions }: OrganisationNavProps) {
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `whitespace-nowrap rounded px-2 py-1 ${
      isActive ? 'bg-brand-50 font-semibold text-brand-800' : 'text-slate-700 hover:text-brand-700'
    }`;

  return (
    <nav aria-label={t('organisations.nav.label')} className="text-sm">
      <ul className="flex flex-wrap gap-1">
        {sections
          .filter((section) => permissions.includes(section.needs))
          .map((section) => (
            <li key={section.path}>
              <NavLink
                to={`/organisations/${organisationId}${section.path}`}
                end
                className={linkClass}
              >
                {t(section.label)}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

interface OrganisationHeadingProps extends OrganisationNavProps {
  shortName: string;
  title: string;
  /** The id of the heading, for the section's aria-labelledby. */
  titleId: string;
  lead?: string;
}

/** The top of an organisation's page: whose page it is, its title, and the sections. */
export function OrganisationHeading(props: OrganisationHeadingProps) {
  return (
    <section aria-labelledby={props.titleId} className="space-y-2">
      <p className="text-sm font-semibold">
        <Link to={`/organisations/${props.organisationId}`} className="text-brand-800 underline">
          {props.shortName}
        </Link>
      </p>
      <h1 id={props.titleId} className="text-2xl font-bold">
        {props.title}
      </h1>
      {props.lead && <p className="text-slate-700">{props.lead}</p>}
      <OrganisationNav organisationId={props.organisationId} permissions={props.permissions} />
    </section>
  );
}
