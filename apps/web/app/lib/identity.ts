import { redirect } from 'react-router';
import { trpcCodeOf } from './refusals.ts';

// Helpers of the identity pages: where to go after signing in, the short-lived cookie that
// carries a sign-in challenge from the password page to the code page, and refusals.

/** Only a path on this site may follow sign-in, never another site ("//evil", "https://"). */
export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }

  return value;
}

/** A password exactly as typed: unlike other fields, spaces at its ends are part of it. */
export function passwordValue(form: FormData, name: string): string {
  const value = form.get(name);

  return typeof value === 'string' ? value : '';
}

export type ChallengeCookie = 'orgcard_signin' | 'orgcard_operator_signin';

function cookieAttributes(maxAgeSeconds: number, secure: boolean): string {
  return `Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Lives as long as the challenge itself (five minutes); HttpOnly like the session cookie. */
export function challengeCookie(
  name: ChallengeCookie,
  challengeId: string,
  secure: boolean,
): string {
  return `${name}=${challengeId}; ${cookieAttributes(300, secure)}`;
}

export function clearChallengeCookie(name: ChallengeCookie, secure: boolean): string {
  return `${name}=; ${cookieAttributes(0, secure)}`;
}

export function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }

  return null;
}

export { trpcCodeOf } from './refusals.ts';

/** A page that needs a signed-in person sends a stranger to sign in, then back. */
export function redirectIfSignedOut(error: unknown, request: Request): void {
  if (trpcCodeOf(error) !== 'UNAUTHORIZED') return;
  const url = new URL(request.url);

  throw redirect(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
}
