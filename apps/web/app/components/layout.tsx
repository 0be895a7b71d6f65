import type { ReactNode } from 'react';
import { Form, Link, NavLink } from 'react-router';
import { t } from '../i18n/index.ts';

/** Who the header greets: a person or an operator, by name. */
export interface Viewer {
  kind: 'user' | 'operator';
  name: string;
}

interface ShellProps {
  children: ReactNode;
  showDevLinks?: boolean;
  viewer?: Viewer | null;
  /** The password is older than 90 days. */
  passwordChangeDue?: boolean;
  /** The phone or the email is not confirmed yet. */
  confirmationDue?: boolean;
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 ${
    isActive ? 'bg-brand-50 text-brand-800 font-semibold' : 'text-slate-700 hover:text-brand-700'
  }`;

function AccountLinks({ viewer }: { viewer: Viewer | null }) {
  if (!viewer) {
    return (
      <>
        <NavLink to="/signin" className={linkClass}>
          {t('identity.nav.signIn')}
        </NavLink>
        <NavLink to="/signup" className={linkClass}>
          {t('identity.nav.signUp')}
        </NavLink>
      </>
    );
  }

  return (
    <>
      {viewer.kind === 'user' && (
        <>
          <NavLink to="/account/sessions" className={linkClass}>
            {t('identity.nav.sessions')}
          </NavLink>
          <NavLink to="/account/security" className={linkClass}>
            {t('identity.nav.security')}
          </NavLink>
        </>
      )}
      <span className="px-2 py-1 font-semibold text-slate-900">
        {viewer.kind === 'operator' && (
          <span className="sr-only">{t('identity.nav.operator')}: </span>
        )}
        {viewer.name}
      </span>
      <Form method="post" action="/signout">
        <button
          type="submit"
          className="rounded px-2 py-1 text-slate-700 underline hover:text-brand-700"
        >
          {t('identity.nav.signOut')}
        </button>
      </Form>
    </>
  );
}

function Reminder({ text, link, to }: { text: string; link: string; to: string }) {
  return (
    <p className="mx-auto max-w-3xl px-4 py-2 text-sm text-amber-950">
      {text}{' '}
      <Link to={to} className="font-semibold underline">
        {link}
      </Link>
    </p>
  );
}

/** The page frame: skip link, header with navigation, reminders, main region. Mobile first. */
export function Shell({
  children,
  showDevLinks = false,
  viewer = null,
  passwordChangeDue = false,
  confirmationDue = false,
}: ShellProps) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:bg-white focus:p-2"
      >
        {t('nav.skip')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link to="/" className="text-lg font-bold text-brand-800">
            {t('app.name')}
            <span className="sr-only"> — {t('app.tagline')}</span>
          </Link>
          <nav
            aria-label="Основная навигация"
            className="flex flex-wrap items-center gap-2 text-sm"
          >
            <NavLink to="/" end className={linkClass}>
              {t('nav.home')}
            </NavLink>
            {showDevLinks && (
              <NavLink to="/dev/outbox" className={linkClass}>
                {t('nav.outbox')}
              </NavLink>
            )}
            <AccountLinks viewer={viewer} />
          </nav>
        </div>
      </header>
      {(confirmationDue || passwordChangeDue) && (
        <aside
          aria-label={t('identity.nav.account')}
          className="border-b border-amber-300 bg-amber-50"
        >
          {confirmationDue && (
            <Reminder
              text={t('identity.banner.confirm')}
              link={t('identity.banner.confirmLink')}
              to="/signup/confirm"
            />
          )}
          {passwordChangeDue && (
            <Reminder
              text={t('identity.banner.password')}
              link={t('identity.banner.passwordLink')}
              to="/account/security"
            />
          )}
        </aside>
      )}
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
