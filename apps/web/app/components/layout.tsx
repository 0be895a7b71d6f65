import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { t } from '../i18n/index.ts';

interface ShellProps {
  children: ReactNode;
  showDevLinks?: boolean;
}

/** The page frame: skip link, header with navigation, main region. Mobile first. */
export function Shell({ children, showDevLinks = false }: ShellProps) {
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `rounded px-2 py-1 ${isActive ? 'bg-brand-50 text-brand-800 font-semibold' : 'text-slate-700 hover:text-brand-700'}`;

  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:bg-white focus:p-2">
        {t('nav.skip')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link to="/" className="text-lg font-bold text-brand-800">
            {t('app.name')}
            <span className="sr-only"> — {t('app.tagline')}</span>
          </Link>
          <nav aria-label="Основная навигация" className="flex gap-2 text-sm">
            <NavLink to="/" end className={linkClass}>
              {t('nav.home')}
            </NavLink>
            {showDevLinks && (
              <NavLink to="/dev/outbox" className={linkClass}>
                {t('nav.outbox')}
              </NavLink>
            )}
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
