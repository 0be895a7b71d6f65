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
import { Shell, type Viewer } from './components/layout.tsx';
import { t } from './i18n/index.ts';
import { trpcCodeOf } from './lib/identity.ts';
import './app.css';

type Api = Route.LoaderArgs['context']['api'];

/** The signed-in operator, or null: asked only when a session cookie is not a person's. */
async function operatorOf(api: Api) {
  try {
    return await api.operator.me();
  } catch (error) {
    if (trpcCodeOf(error) === 'UNAUTHORIZED') return null;
    throw error;
  }
}

/**
 * Who is signed in, for the header and every page below: `me` is the person (with their
 * organisations) or null; `operator` the platform's staff member, or null.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const me = await context.api.auth.me();
  const operator = !me && context.request.sessionToken ? await operatorOf(context.api) : null;

  return { showDevLinks: context.nodeEnv !== 'production', me, operator };
}

function viewerOf(data: Awaited<ReturnType<typeof loader>> | undefined): Viewer | null {
  if (data?.me) return { kind: 'user', name: data.me.user.fullName };
  if (data?.operator) return { kind: 'operator', name: data.operator.fullName };

  return null;
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
        <Shell
          showDevLinks={data?.showDevLinks ?? false}
          viewer={viewerOf(data)}
          passwordChangeDue={data?.me?.passwordChangeDue ?? false}
          confirmationDue={Boolean(
            data?.me && !(data.me.user.phoneConfirmed && data.me.user.emailConfirmed),
          )}
        >
          {children}
        </Shell>
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
