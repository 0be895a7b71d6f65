import type { ReactNode } from 'react';
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from 'react-router';
import type { Route } from './+types/root';
import { Shell } from './components/layout.tsx';
import { t } from './i18n/index.ts';
import './app.css';

export function loader({ context }: Route.LoaderArgs) {
  return { showDevLinks: context.nodeEnv !== 'production' };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');

  return (
    <html lang="ru">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Shell showDevLinks={data?.showDevLinks ?? false}>{children}</Shell>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function meta() {
  return [{ title: `${t('app.name')} — ${t('app.tagline')}` }];
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const notFound = isRouteErrorResponse(error) && error.status === 404;

  return (
    <section aria-labelledby="error-title" className="rounded-lg bg-white p-6 shadow-sm">
      <h1 id="error-title" className="text-2xl font-bold">
        {notFound ? t('error.notFound.title') : t('error.generic.title')}
      </h1>
      <p className="mt-2 text-slate-700">
        {notFound ? t('error.notFound.text') : t('error.generic.text')}
      </p>
      <Link to="/" className="mt-4 inline-block font-semibold text-brand-700 underline">
        {t('error.back')}
      </Link>
    </section>
  );
}
