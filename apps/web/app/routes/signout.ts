import { redirect } from 'react-router';
import type { Route } from './+types/signout';

/** Signing out changes state, so it is a POST; a GET only goes home. */
export function loader() {
  return redirect('/');
}

export async function action({ context }: Route.ActionArgs) {
  // The procedure clears the session cookie on the response this redirect goes out on.
  await context.api.auth.signOut();

  return redirect('/');
}
