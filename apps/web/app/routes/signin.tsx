import { redirect } from 'react-router';
import type { Route } from './+types/signin';
import { PasswordStepForm } from '../components/sign-in-forms.tsx';
import { t } from '../i18n/index.ts';
import { safeNext } from '../lib/identity.ts';
import { passwordStep, personSignIn } from '../lib/sign-in-steps.ts';

export function meta() {
  return [{ title: `${t('identity.signIn.title')} — ${t('app.name')}` }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const next = safeNext(new URL(request.url).searchParams.get('next'));
  if (await context.api.auth.me()) throw redirect(next);

  return { next };
}

export function action(args: Route.ActionArgs) {
  return passwordStep(personSignIn, args);
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <PasswordStepForm
      title={t('identity.signIn.title')}
      next={loaderData.next}
      result={actionData}
      showSignUp
    />
  );
}
