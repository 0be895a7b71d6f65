import type { EntityManager } from '@orgcard/db';
import type { Logger } from '../logger.ts';
import type { AppServices } from '../services.ts';

/** What the transport knows about the request that called a procedure. */
export interface RequestInfo {
  requestId: string;
  ip: string;
  userAgent: string;
  /** The raw session token from the cookie, if any. */
  sessionToken: string | null;
}

/** How a procedure sets or clears the session cookie; each transport writes it its own way. */
export interface SessionCookieJar {
  set(token: string, maxAgeSeconds: number): void;
  clear(): void;
}

export interface Context {
  services: AppServices;
  /** A fresh unit of work for this request. */
  em: EntityManager;
  log: Logger;
  request: RequestInfo;
  cookies: SessionCookieJar;
}

const ignoredCookies: SessionCookieJar = { set: () => {}, clear: () => {} };

/** Builds the context of one request: its own entity manager fork and child logger. */
export function createContext(
  services: AppServices,
  request: RequestInfo,
  cookies: SessionCookieJar = ignoredCookies,
): Context {
  return {
    services,
    em: services.orm.em.fork(),
    log: services.logger.child({ requestId: request.requestId }),
    request,
    cookies,
  };
}
