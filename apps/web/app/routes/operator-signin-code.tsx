import type { Route } from './+types/operator-signin-code';
import { CodeStepForm } from '../components/sign-in-forms.tsx';
import { t } from '../i18n/index.ts';
import { codeStep, codeStepView, operatorSignIn } from '../lib/sign-in-steps.ts';

export function meta() {
  return [{ title: `${t('identity.code.title')} — ${t('app.name')}` }];
}

export function loader(args: Route.LoaderArgs) {
  return codeStepView(operatorSignIn, args);
}

export function action(args: Route.ActionArgs) {
  return codeStep(operatorSignIn, args);
}

export default function OperatorSignInCode({ loaderData, actionData }: Route.ComponentProps) {
  return <CodeStepForm view={loaderData} result={actionData} />;
}
