import { useState, type ChangeEvent, type FocusEvent, type InputHTMLAttributes } from 'react';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { toFormErrors, type FormErrors } from '@orgcard/api/forms';
import {
  checkOrganisationField,
  organisationTypes,
  type OrganisationTextField,
} from '@orgcard/api/validators';
import type { Route } from './+types/organisation-new';
import { Field } from '../components/field.tsx';
import { FormError, FormStatus, SubmitButton } from '../components/form-bits.tsx';
import { t } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { textField } from '../lib/form-data.ts';
import { redirectIfSignedOut } from '../lib/identity.ts';

export function meta() {
  return [{ title: `${t('organisations.new.title')} — ${t('app.name')}` }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const me = await context.api.auth.me();
  if (!me) {
    throw redirect(`/signin?next=${encodeURIComponent(new URL(request.url).pathname)}`);
  }

  return { phoneConfirmed: me.user.phoneConfirmed };
}

const fieldNames = [
  'inn',
  'ogrn',
  'kpp',
  'fullName',
  'shortName',
  'legalAddress',
  'postalAddress',
  'email',
  'phone',
] as const satisfies readonly OrganisationTextField[];

type Values = Partial<Record<OrganisationTextField | 'type', string>>;
type Lookup = 'found' | 'offline' | 'notFound';

function valuesOf(form: FormData): Values {
  const values: Values = { type: textField(form, 'type') };
  for (const name of fieldNames) values[name] = textField(form, name);

  return values;
}

/** Fills the fields the registry knows, keeping what the person typed in the others. */
async function lookUp(api: Route.ActionArgs['context']['api'], values: Values) {
  const company = await api.organisations.lookup({ inn: values.inn ?? '' });
  if (!company) return { values, lookup: 'notFound' as Lookup };
  if (!company.known) return { values, lookup: 'offline' as Lookup };
  const { inn: _inn, known: _known, legalAddress, ...found } = company;
  const address = legalAddress ? { legalAddress, postalAddress: legalAddress } : {};

  return { values: { ...values, ...found, ...address }, lookup: 'found' as Lookup };
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  const values = valuesOf(form);
  try {
    if (textField(form, 'intent') === 'lookup') {
      return { ...(await lookUp(context.api, values)), errors: null };
    }
    const { organisationId } = await context.api.organisations.register({
      ...values,
      type: values.type as 'LLC',
    });

    return redirect(`/organisations/${organisationId}`);
  } catch (error) {
    redirectIfSignedOut(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ values, lookup: null, errors }, { status: 400 });
  }
}

const hints: Partial<Record<OrganisationTextField, MessageKey>> = {
  inn: 'organisations.field.inn.hint',
  ogrn: 'organisations.field.ogrn.hint',
  kpp: 'organisations.field.kpp.hint',
  fullName: 'organisations.field.fullName.hint',
  shortName: 'organisations.field.shortName.hint',
  phone: 'organisations.field.phone.hint',
};

const inputProps: Partial<Record<OrganisationTextField, InputHTMLAttributes<HTMLInputElement>>> = {
  inn: { inputMode: 'numeric', autoComplete: 'off' },
  ogrn: { inputMode: 'numeric', autoComplete: 'off' },
  kpp: { autoComplete: 'off' },
  email: { type: 'email', autoComplete: 'email' },
  phone: { type: 'tel', autoComplete: 'tel' },
  legalAddress: { autoComplete: 'off' },
  postalAddress: { autoComplete: 'off' },
};

function TypeChoice({
  value,
  errors,
}: {
  value: string | undefined;
  errors: string[] | undefined;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={errors ? 'type-error' : undefined}>
      <legend className="text-sm font-medium text-slate-800">
        {t('organisations.field.type')}
      </legend>
      {organisationTypes.map((type) => (
        <label key={type} className="flex items-center gap-2">
          <input type="radio" name="type" value={type} defaultChecked={value === type} required />
          {t(`organisations.type.${type}.long`)}
        </label>
      ))}
      {errors && (
        <p id="type-error" role="alert" className="text-sm text-red-800">
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}

/** "Fill in by INN" and what the registry answered. */
function LookupControls({ lookup, busy }: { lookup: Lookup | null; busy: boolean }) {
  const answers: Record<Exclude<Lookup, 'found'>, MessageKey> = {
    offline: 'organisations.new.lookupOffline',
    notFound: 'organisations.new.lookupNotFound',
  };

  return (
    <div className="space-y-1">
      <SubmitButton variant="secondary" name="intent" value="lookup" busy={busy}>
        {t('organisations.new.lookup')}
      </SubmitButton>
      <p className="text-xs text-slate-600">{t('organisations.new.lookupHint')}</p>
      {lookup === 'found' && <FormStatus>{t('organisations.new.lookupFound')}</FormStatus>}
      {lookup && lookup !== 'found' && (
        <p role="status" className="text-sm text-slate-800">
          {t(answers[lookup])}
        </p>
      )}
    </div>
  );
}

interface RegistrationFormProps {
  values: Values;
  serverErrors: FormErrors | null;
  lookup: Lookup | null;
  busy: boolean;
}

/** Field errors as the person types: the server's messages until a field is checked here. */
function useLiveChecks(serverErrors: FormErrors | null) {
  const [live, setLive] = useState<Partial<Record<OrganisationTextField, string | null>>>({});
  const check = (name: OrganisationTextField, value: string) =>
    setLive((current) => ({ ...current, [name]: checkOrganisationField(name, value) }));
  // Checked first when the person leaves a field, then at every keystroke in it.
  const onBlur = (event: FocusEvent<HTMLInputElement>) =>
    check(event.target.name as OrganisationTextField, event.target.value);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const name = event.target.name as OrganisationTextField;
    if (name in live) check(name, event.target.value);
  };
  const errorsOf = (name: OrganisationTextField | 'type') => {
    if (name !== 'type' && name in live) return live[name] ? [live[name]] : undefined;

    return serverErrors?.fieldErrors[name];
  };

  return { errorsOf, onBlur, onChange };
}

/**
 * The form checks each field with the server's own rules once the person has left it, then as
 * they type; the server checks everything again, and without JavaScript it is the only check.
 */
function RegistrationForm({ values, serverErrors, lookup, busy }: RegistrationFormProps) {
  const { errorsOf, onBlur, onChange } = useLiveChecks(serverErrors);
  const field = (name: OrganisationTextField) => (
    <Field
      key={name}
      label={t(`organisations.field.${name}`)}
      name={name}
      defaultValue={values[name] ?? ''}
      errors={errorsOf(name)}
      required
      onBlur={onBlur}
      onChange={onChange}
      {...(hints[name] ? { hint: t(hints[name]) } : {})}
      {...inputProps[name]}
    />
  );

  return (
    <Form method="post" noValidate className="space-y-6">
      {/* Enter in any field registers: the first submit button of a form is its default. */}
      <button
        type="submit"
        name="intent"
        value="register"
        tabIndex={-1}
        aria-hidden="true"
        className="sr-only"
      />
      <FormError message={serverErrors?.formError} />

      <TypeChoice value={values.type} errors={errorsOf('type')} />

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t('organisations.new.identifiers')}</legend>
        {field('inn')}
        <LookupControls lookup={lookup} busy={busy} />
        {field('ogrn')}
        {field('kpp')}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t('organisations.new.names')}</legend>
        {field('fullName')}
        {field('shortName')}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t('organisations.new.contacts')}</legend>
        {field('legalAddress')}
        {field('postalAddress')}
        {field('email')}
        {field('phone')}
      </fieldset>

      <SubmitButton name="intent" value="register" busy={busy}>
        {t('organisations.new.submit')}
      </SubmitButton>
    </Form>
  );
}

export default function OrganisationNew({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();

  return (
    <div className="space-y-6">
      <section aria-labelledby="new-organisation-title" className="space-y-2">
        <h1 id="new-organisation-title" className="text-2xl font-bold">
          {t('organisations.new.title')}
        </h1>
        <p className="text-slate-700">{t('organisations.new.lead')}</p>
      </section>

      {loaderData.phoneConfirmed ? (
        <div className="rounded-lg bg-white p-4 shadow-sm">
          {/* A fresh form per answer, so what the server returned becomes the fields' values. */}
          <RegistrationForm
            key={JSON.stringify(actionData?.values ?? {})}
            values={actionData?.values ?? {}}
            serverErrors={actionData?.errors ?? null}
            lookup={actionData?.lookup ?? null}
            busy={navigation.state === 'submitting'}
          />
        </div>
      ) : (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t('organisations.new.phoneFirst')}{' '}
          <Link to="/signup/confirm" className="font-semibold underline">
            {t('organisations.new.phoneFirstLink')}
          </Link>
        </p>
      )}
    </div>
  );
}
