import { randomUUID } from 'node:crypto';
import compression from 'compression';
import express, { type Request, type Response } from 'express';
import { createRequestHandler } from '@react-router/express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { ServerBuild } from 'react-router';
import {
  appRouter,
  checkHealth,
  createCaller,
  createContext,
  type AppServices,
  type RequestInfo,
} from '@orgcard/api';
import { readCookie, SESSION_COOKIE, sessionCookieJar } from './cookies.ts';
import { requireSameOrigin } from './same-origin.ts';
import { jwksHandler, statusListHandler } from './credentials.ts';
import { applicationDocumentRoutes } from './uploads.ts';
import { bankWebhookRoutes } from './bank-webhook.ts';

export interface WebAppOptions {
  services: AppServices;
  /** The React Router server build, or a loader of it (Vite in development). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Vite's middleware in development; static files of the client build in production. */
  assets: express.RequestHandler[];
  trustProxy: number;
}

function requestInfoOf(request: Request): RequestInfo {
  return {
    requestId: (request.headers['x-request-id'] as string | undefined) ?? randomUUID(),
    ip: request.ip ?? '',
    userAgent: request.headers['user-agent'] ?? '',
    sessionToken: readCookie(request, SESSION_COOKIE),
  };
}

/**
 * The Express application: probes, tRPC at `/api/trpc`, then the Remix (React Router) pages.
 * Loaders and actions reach procedures through `context.api`, a caller built here, so that the
 * pages and the HTTP API run the very same code.
 */
export function createWebApp(options: WebAppOptions): express.Express {
  const { services } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  app.use(compression());
  const secureCookies = services.config.nodeEnv === 'production';
  const contextOf = (request: Request, response: Response) =>
    createContext(services, requestInfoOf(request), sessionCookieJar(response, secureCookies));

  app.get('/healthz', (_request, response) => {
    response.json({ ok: true });
  });
  app.get('/readyz', async (_request, response) => {
    const report = await checkHealth(services);
    response.status(report.ok ? 200 : 503).json(report);
  });

  app.get('/.well-known/jwks.json', jwksHandler(services));
  app.get('/credentials/status/:list', statusListHandler(services));
  app.use(requireSameOrigin);
  app.use(
    '/api/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, res }) => contextOf(req, res),
    }),
  );
  app.use(applicationDocumentRoutes(contextOf));
  app.use(bankWebhookRoutes(services));

  for (const handler of options.assets) app.use(handler);

  app.all(
    '/{*path}',
    createRequestHandler({
      build: options.build,
      mode: services.config.nodeEnv === 'production' ? 'production' : 'development',
      getLoadContext: (request, response) => {
        const context = contextOf(request, response);

        return {
          api: createCaller(context),
          request: context.request,
          nodeEnv: services.config.nodeEnv,
        };
      },
    }),
  );

  return app;
}
