import type { Route } from './+types/operator-signin';
import { PasswordStepForm } from '../components/sign-in-forms.tsx';
import { t } from '../i18n/index.ts';
import { safeNext } from '../lib/identity.ts';
import { operatorSignIn, passwordStep } from '../lib/sign-in-steps.ts';

export function meta() {
  return [{ title: `${t('identity.signIn.operatorTitle')} — ${t('app.name')}` }];
}

export function loader({ request }: Route.LoaderArgs) {
  return { next: safeNext(new URL(request.url).searchParams.get('next')) };
}

export function action(args: Route.ActionArgs) {
  return passwordStep(operatorSignIn, args);
}

export default function OperatorSignIn({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <PasswordStepForm
      title={t('identity.signIn.operatorTitle')}
      lead={t('identity.signIn.operatorLead')}
      next={loaderData.next}
      result={actionData}
      showSignUp={false}
    />
  );
}
