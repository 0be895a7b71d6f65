import type { NextFunction, Request, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Server-to-server endpoints: no browser, no cookie; they authenticate by signature. */
const SERVER_TO_SERVER_PATHS = new Set(['/webhooks/bank']);

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses every state-changing request (form posts and tRPC mutations alike) whose Origin, or
 * failing that Referer, is not this site: a page elsewhere cannot act with the user's cookie.
 */
export function requireSameOrigin(request: Request, response: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(request.method)) return next();
  if (SERVER_TO_SERVER_PATHS.has(request.path)) return next();
  const expected = `${request.protocol}://${request.get('host') ?? ''}`;
  const claimed = originOf(request.get('origin')) ?? originOf(request.get('referer'));
  if (claimed === expected) return next();

  response.status(403).type('text/plain; charset=utf-8').send('Запрос отклонён: другой источник.');
}
