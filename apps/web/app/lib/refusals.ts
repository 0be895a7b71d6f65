import { data, redirect } from 'react-router';
import { toFormErrors } from '@orgcard/api/forms';

// How a page answers a procedure that refused it outright (as opposed to a form error): one
// rule for every page. Errors are recognised by shape, as `@orgcard/api/forms` does, since the
// pages hold their own copy of the tRPC module.

/** The tRPC code of a failed server-side call, if it is one. */
export function trpcCodeOf(error: unknown): string | null {
  if (!(error instanceof Error) || error.name !== 'TRPCError') return null;

  return (error as Error & { code?: string }).code ?? null;
}

export interface RefusalOptions {
  /** Where a caller without a session signs in before coming back. */
  signInPath?: '/signin' | '/operator/signin';
  /** Ids from the address whose malformed value means "no such page" rather than a form error. */
  addressFields?: readonly string[];
}

/**
 * Turns a refusal into the page's answer: sign in first (then back to this address), 403 for a
 * caller without the right, 404 for an address naming nothing that exists. Anything else is
 * left to the caller.
 */
export function throwIfRefused(
  error: unknown,
  request: Request,
  options: RefusalOptions = {},
): void {
  const code = trpcCodeOf(error);
  if (code === 'UNAUTHORIZED') {
    const url = new URL(request.url);
    const next = encodeURIComponent(url.pathname + url.search);
    throw redirect(`${options.signInPath ?? '/signin'}?next=${next}`);
  }
  if (code === 'FORBIDDEN') throw data(null, { status: 403 });
  const fields = toFormErrors(error)?.fieldErrors ?? {};
  const addressFields = options.addressFields ?? ['organisationId'];
  if (code === 'NOT_FOUND' || addressFields.some((field) => fields[field])) {
    throw data(null, { status: 404 });
  }
}
