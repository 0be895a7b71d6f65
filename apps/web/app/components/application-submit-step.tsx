import { Form, Link } from 'react-router';
import type { FormErrors } from '@orgcard/api/forms';
import { DevCodeHint } from './dev-code-hint.tsx';
import { Field } from './field.tsx';
import { FormError, FormStatus, SubmitButton } from './form-bits.tsx';
import { t } from '../i18n/index.ts';
import type { PresentedApplication } from '../lib/application-view.ts';

interface SubmitStepProps {
  view: PresentedApplication;
  errors: FormErrors | null;
  codeSentTo: string | null;
  busy: boolean;
  showDevLinks: boolean;
}

/** Step 4: what is still missing, or the SMS code that confirms sending. */
export function ApplicationSubmitStep({
  view,
  errors,
  codeSentTo,
  busy,
  showDevLinks,
}: SubmitStepProps) {
  if (view.missing.length > 0) {
    return (
      <div className="space-y-3">
        <p className="font-semibold">{t('applications.submit.missing')}</p>
        <ul className="list-disc space-y-1 pl-6 text-slate-800">
          {view.missing.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <Link to="?step=documents" className="inline-block font-semibold text-brand-700 underline">
          {t('applications.previous')}
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <p className="text-slate-700">{t('applications.submit.lead')}</p>
      <FormStatus>{t('applications.submit.ready')}</FormStatus>
      <FormError message={errors?.formError} />
      <Form method="post">
        <SubmitButton name="intent" value="request-code" variant="secondary" busy={busy}>
          {t('applications.submit.requestCode')}
        </SubmitButton>
      </Form>
      {codeSentTo && (
        <FormStatus>{t('applications.submit.codeSent', { phone: codeSentTo })}</FormStatus>
      )}
      <DevCodeHint show={showDevLinks} />
      <Form method="post" className="space-y-3" noValidate>
        <Field
          label={t('applications.submit.code')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          errors={errors?.fieldErrors.code}
        />
        <SubmitButton name="intent" value="submit" busy={busy}>
          {t('applications.submit.send')}
        </SubmitButton>
      </Form>
    </div>
  );
}
