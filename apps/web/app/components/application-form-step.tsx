import { useId } from 'react';
import { Form } from 'react-router';
import type { FormErrors } from '@orgcard/api/forms';
import { Field } from './field.tsx';
import { FormError, FormStatus, SubmitButton } from './form-bits.tsx';
import { t } from '../i18n/index.ts';
import type { PresentedApplication } from '../lib/application-view.ts';

interface FormStepProps {
  view: PresentedApplication;
  errors: FormErrors | null;
  saved: boolean;
  busy: boolean;
}

function FieldErrors({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;

  return (
    <p id={id} role="alert" className="text-sm text-red-800">
      {messages.join(' ')}
    </p>
  );
}

function PurposeField({ value, errors }: { value: string; errors: string[] | undefined }) {
  const id = useId();

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t('applications.form.purpose')}
      </label>
      <textarea
        id={id}
        name="purpose"
        rows={3}
        maxLength={500}
        defaultValue={value}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ''}`}
        className="block w-full rounded border border-slate-400 px-3 py-2 text-base"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t('applications.form.purpose.hint')}
      </p>
      <FieldErrors id={`${id}-error`} messages={errors} />
    </div>
  );
}

function HolderField({
  view,
  errors,
}: {
  view: PresentedApplication;
  errors: string[] | undefined;
}) {
  const id = useId();

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t('applications.form.holder')}
      </label>
      <select
        id={id}
        name="holderMemberId"
        defaultValue={view.application.holderMemberId ?? ''}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ''}`}
        className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base"
      >
        <option value="">{t('applications.form.holder.none')}</option>
        {view.holderCandidates.map((candidate) => (
          <option key={candidate.memberId} value={candidate.memberId}>
            {candidate.fullName} ({t(`applications.role.${candidate.role}`)})
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t('applications.form.holder.hint')}
      </p>
      <FieldErrors id={`${id}-error`} messages={errors} />
    </div>
  );
}

function TariffField({
  view,
  errors,
}: {
  view: PresentedApplication;
  errors: string[] | undefined;
}) {
  const id = useId();

  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">
        {t('applications.form.tariff')}
      </legend>
      {view.tariffs.map((tariff) => (
        <label
          key={tariff.code}
          className="flex gap-2 rounded border border-slate-300 bg-white p-3"
        >
          <input
            type="radio"
            name="tariffCode"
            value={tariff.code}
            defaultChecked={view.application.tariffCode === tariff.code}
            className="mt-1"
          />
          <span>
            <span className="block font-medium">{tariff.label}</span>
            <span className="block text-sm text-slate-600">{tariff.limits}</span>
          </span>
        </label>
      ))}
      <FieldErrors id={`${id}-error`} messages={errors} />
    </fieldset>
  );
}

/** Step 1: purpose, holder, department or project, tariff. Saved as a draft either way. */
export function ApplicationFormStep({ view, errors, saved, busy }: FormStepProps) {
  const fieldErrors = errors?.fieldErrors ?? {};

  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError message={errors?.formError} />
      {saved && <FormStatus>{t('applications.saved')}</FormStatus>}
      <PurposeField value={view.application.purpose ?? ''} errors={fieldErrors.purpose} />
      <HolderField view={view} errors={fieldErrors.holderMemberId} />
      <Field
        label={t('applications.form.department')}
        name="department"
        maxLength={200}
        defaultValue={view.application.department ?? ''}
        errors={fieldErrors.department}
      />
      <TariffField view={view} errors={fieldErrors.tariffCode} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="intent" value="save-next" busy={busy}>
          {t('applications.next')}
        </SubmitButton>
        <SubmitButton name="intent" value="save" variant="secondary" busy={busy}>
          {t('applications.saveDraft')}
        </SubmitButton>
      </div>
    </Form>
  );
}
