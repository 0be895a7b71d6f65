import type { Request, Response } from 'express';
import type { SessionCookieJar } from '@orgcard/api';

export const SESSION_COOKIE = 'orgcard_session';

/** Reads one cookie from the request header without a parser dependency. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }

  return null;
}

/**
 * Writes the session cookie on the Express response: HttpOnly (no script can read it),
 * SameSite=Lax (not sent on cross-site posts), Secure in production.
 */
export function sessionCookieJar(response: Response, secure: boolean): SessionCookieJar {
  const attributes = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

  return {
    set(token, maxAgeSeconds) {
      response.append(
        'Set-Cookie',
        `${SESSION_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; ${attributes}`,
      );
    },
    clear() {
      response.append('Set-Cookie', `${SESSION_COOKIE}=; Max-Age=0; ${attributes}`);
    },
  };
}
