import type { Route } from './+types/signin-code';
import { CodeStepForm } from '../components/sign-in-forms.tsx';
import { t } from '../i18n/index.ts';
import { codeStep, codeStepView, personSignIn } from '../lib/sign-in-steps.ts';

export function meta() {
  return [{ title: `${t('identity.code.title')} — ${t('app.name')}` }];
}

export function loader(args: Route.LoaderArgs) {
  return codeStepView(personSignIn, args);
}

export function action(args: Route.ActionArgs) {
  return codeStep(personSignIn, args);
}

export default function SignInCode({ loaderData, actionData }: Route.ComponentProps) {
  return <CodeStepForm view={loaderData} result={actionData} />;
}
