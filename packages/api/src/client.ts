import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from './root.ts';

export interface OrgcardClientOptions {
  /** Base URL of the platform, for example `https://orgcard.example`. */
  baseUrl: string;
  /** Extra headers on every call (a session cookie, for example). */
  headers?: () => Record<string, string>;
}

/** The typed client for integrators: every procedure with its input and output types. */
export function createOrgcardClient(options: OrgcardClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: new URL('/api/trpc', options.baseUrl).toString(),
        transformer: superjson,
        headers: () => ({ origin: new URL(options.baseUrl).origin, ...options.headers?.() }),
      }),
    ],
  });
}
