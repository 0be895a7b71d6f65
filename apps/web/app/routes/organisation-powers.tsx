import { useId } from 'react';
import { data, Form, useNavigation } from 'react-router';
import { toFormErrors, type FormErrors } from '@orgcard/api/forms';
import { rublesToKopecks } from '@orgcard/api/validators';
import type { Route } from './+types/organisation-powers';
import { Field } from '../components/field.tsx';
import { FormError, FormStatus, SubmitButton } from '../components/form-bits.tsx';
import { OrganisationHeading } from '../components/organisation-nav.tsx';
import { t } from '../i18n/index.ts';
import { textField } from '../lib/form-data.ts';
import {
  dateFormat,
  formatKopecks,
  moscowDay,
  moscowDayBoundary,
  throwIfRefused,
} from '../lib/organisations.ts';

export function meta() {
  return [{ title: `${t('organisations.powers.title')} — ${t('app.name')}` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { organisationId } = params;
  try {
    const [organisation, powers, listing] = await Promise.all([
      context.api.organisations.get({ organisationId }),
      context.api.powers.list({ organisationId }),
      context.api.members.list({ organisationId }),
    ]);
    const candidates = listing.members
      .filter((member) => member.role !== 'head')
      .map(({ id, fullName, role }) => ({ id, fullName, role }));

    return { organisation, powers, candidates };
  } catch (error) {
    throwIfRefused(error, request);
    throw error;
  }
}

const scopes = [
  'sign_documents',
  'make_payments',
  'manage_cards',
  'manage_members',
  'export',
] as const;
type Scope = (typeof scopes)[number];
type Intent = 'create' | 'sign' | 'sendCode' | 'revoke';
const intents: Intent[] = ['create', 'sign', 'sendCode', 'revoke'];

interface Outcome {
  intent: Intent;
  /** The power the outcome belongs to; empty for a new one that failed. */
  powerId: string;
  done: boolean;
  errors: FormErrors | null;
}

function refused(field: string, message: string): FormErrors {
  return { formError: null, fieldErrors: { [field]: [message] } };
}

/** Reads the new power's form; roubles become kopecks and days become Moscow instants here. */
function draftOf(form: FormData) {
  const ceilingText = textField(form, 'amountCeiling');
  const ceiling = ceilingText === '' ? null : rublesToKopecks(ceilingText);
  if (ceilingText !== '' && ceiling === null) {
    return refused('amountCeilingKopecks', t('organisations.powers.ceilingInvalid'));
  }
  const validFrom = moscowDayBoundary(textField(form, 'validFrom'), 'start');
  const validTo = moscowDayBoundary(textField(form, 'validTo'), 'end');
  if (!validFrom) {
    const field = t('organisations.powers.create.validFrom');

    return refused('validFrom', t('organisations.powers.dateInvalid', { field }));
  }
  if (!validTo) {
    const field = t('organisations.powers.create.validTo');

    return refused('validTo', t('organisations.powers.dateInvalid', { field }));
  }
  const chosen = form
    .getAll('scopes')
    .filter((scope): scope is Scope => scopes.includes(scope as Scope));

  return {
    representativeMemberId: textField(form, 'representativeMemberId'),
    scopes: chosen,
    amountCeilingKopecks: ceiling,
    validFrom,
    validTo,
  };
}

async function perform(
  api: Route.ActionArgs['context']['api'],
  organisationId: string,
  intent: Intent,
  form: FormData,
): Promise<Outcome> {
  const powerId = textField(form, 'powerId');
  const done = (id: string): Outcome => ({ intent, powerId: id, done: true, errors: null });
  if (intent === 'create') {
    const draft = draftOf(form);
    if ('fieldErrors' in draft) return { intent, powerId: '', done: false, errors: draft };
    const created = await api.powers.create({ organisationId, ...draft });

    return done(created.powerId);
  }
  if (intent === 'sign') {
    await api.powers.sign({ organisationId, powerId, code: textField(form, 'code') });
  } else if (intent === 'sendCode') {
    await api.powers.sendCode({ organisationId, powerId });
  } else {
    await api.powers.revoke({ organisationId, powerId, reason: textField(form, 'reason') });
  }

  return done(powerId);
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = intents.find((candidate) => candidate === textField(form, 'intent'));
  if (!intent) throw data(null, { status: 400 });
  try {
    const outcome = await perform(context.api, params.organisationId, intent, form);

    return outcome.done ? outcome : data(outcome, { status: 400 });
  } catch (error) {
    throwIfRefused(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;
    const outcome: Outcome = { intent, powerId: textField(form, 'powerId'), done: false, errors };

    return data(outcome, { status: 400 });
  }
}

type LoaderData = Route.ComponentProps['loaderData'];
type PowerRow = LoaderData['powers'][number];

function SignForm({ power, outcome }: { power: PowerRow; outcome: Outcome | undefined }) {
  const mine = outcome?.powerId === power.id ? outcome : undefined;

  return (
    <div className="space-y-2">
      <Form method="post" noValidate className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="sign" />
        <input type="hidden" name="powerId" value={power.id} />
        <Field
          label={t('organisations.powers.sign.code')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          errors={mine?.intent === 'sign' ? mine.errors?.fieldErrors.code : undefined}
        />
        <SubmitButton>{t('organisations.powers.sign.submit')}</SubmitButton>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="sendCode" />
        <input type="hidden" name="powerId" value={power.id} />
        <SubmitButton variant="secondary">{t('organisations.powers.sign.resend')}</SubmitButton>
      </Form>
      {mine?.intent === 'sendCode' && mine.done && (
        <FormStatus>{t('organisations.powers.sign.sent')}</FormStatus>
      )}
      {(mine?.intent === 'sign' || mine?.intent === 'sendCode') && (
        <FormError message={mine.errors?.formError} />
      )}
    </div>
  );
}

function RevokeForm({ power, outcome }: { power: PowerRow; outcome: Outcome | undefined }) {
  const mine = outcome?.powerId === power.id && outcome.intent === 'revoke' ? outcome : undefined;

  return (
    <Form method="post" noValidate className="space-y-2">
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="powerId" value={power.id} />
      <FormError message={mine?.errors?.formError} />
      <Field
        label={t('organisations.powers.revoke.reason')}
        name="reason"
        required
        errors={mine?.errors?.fieldErrors.reason}
      />
      <SubmitButton variant="danger">{t('organisations.powers.revoke.submit')}</SubmitButton>
    </Form>
  );
}

interface PowerItemProps {
  power: PowerRow;
  organisationId: string;
  isHead: boolean;
  outcome: Outcome | undefined;
}

function PowerItem({ power, organisationId, isHead, outcome }: PowerItemProps) {
  const titleId = useId();
  const justDone = outcome?.done && outcome.powerId === power.id ? outcome.intent : null;
  const inForce = power.state === 'active' || power.state === 'scheduled';

  return (
    <li aria-labelledby={titleId} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id={titleId} className="font-semibold">
        {power.representativeName} — {t(`organisations.powers.state.${power.state}`)}
      </h2>
      <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
        <dt className="text-slate-600">{t('organisations.powers.scopes')}</dt>
        <dd>{power.scopes.map((scope) => t(`organisations.powers.scope.${scope}`)).join(', ')}</dd>
        <dt className="text-slate-600">{t('organisations.powers.ceiling')}</dt>
        <dd>
          {power.amountCeilingKopecks === null
            ? t('organisations.powers.noCeiling')
            : formatKopecks(power.amountCeilingKopecks)}
        </dd>
        <dt className="text-slate-600">{t('organisations.powers.validity')}</dt>
        <dd>
          {t('organisations.powers.validityRange', {
            from: dateFormat.format(new Date(power.validFrom)),
            to: dateFormat.format(new Date(power.validTo)),
          })}
        </dd>
        <dt className="text-slate-600">{t('organisations.powers.principal')}</dt>
        <dd>{power.principalName}</dd>
        <dt className="text-slate-600">№</dt>
        <dd className="break-all font-mono text-xs">{power.id}</dd>
      </dl>
      {power.revocationReason && (
        <p className="text-sm text-slate-700">
          {t('organisations.powers.revokedReason', { reason: power.revocationReason })}
        </p>
      )}
      {justDone === 'create' && <FormStatus>{t('organisations.powers.created')}</FormStatus>}
      {justDone === 'sign' && <FormStatus>{t('organisations.powers.signed')}</FormStatus>}
      {justDone === 'revoke' && <FormStatus>{t('organisations.powers.revoked')}</FormStatus>}
      {isHead && power.state === 'awaiting_signature' && (
        <SignForm power={power} outcome={outcome} />
      )}
      {power.signedAt && (
        <a
          href={`/organisations/${organisationId}/powers/${power.id}.xml`}
          download
          aria-label={t('organisations.powers.downloadLabel', { name: power.representativeName })}
          className="inline-block font-semibold text-brand-800 underline"
        >
          {t('organisations.powers.download')}
        </a>
      )}
      {isHead && (inForce || power.state === 'awaiting_signature') && (
        <RevokeForm power={power} outcome={outcome} />
      )}
    </li>
  );
}

function SelectField(props: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  placeholder: string;
  errors: string[] | undefined;
}) {
  const id = useId();

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        defaultValue=""
        required
        aria-invalid={props.errors ? true : undefined}
        aria-describedby={props.errors ? `${id}-error` : undefined}
        className="block w-full rounded border border-slate-400 bg-white px-3 py-2"
      >
        <option value="" disabled>
          {props.placeholder}
        </option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.errors && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-800">
          {props.errors.join(' ')}
        </p>
      )}
    </div>
  );
}

function ScopeChoice({ errors }: { errors: string[] | undefined }) {
  return (
    <fieldset className="space-y-1" aria-describedby={errors ? 'scopes-error' : undefined}>
      <legend className="text-sm font-medium text-slate-800">
        {t('organisations.powers.create.scopes')}
      </legend>
      {scopes.map((scope) => (
        <label key={scope} className="flex items-center gap-2">
          <input type="checkbox" name="scopes" value={scope} />
          {t(`organisations.powers.scope.${scope}`)}
        </label>
      ))}
      {errors && (
        <p id="scopes-error" role="alert" className="text-sm text-red-800">
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}

/** From today for a year by default: the days are Moscow days, both included. */
function ValidityFields({ errors }: { errors: Record<string, string[]> }) {
  const today = new Date();
  const yearLater = new Date(today.getTime() + 364 * 24 * 3600_000);

  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field
        label={t('organisations.powers.create.validFrom')}
        name="validFrom"
        type="date"
        required
        defaultValue={moscowDay(today)}
        errors={errors.validFrom}
      />
      <Field
        label={t('organisations.powers.create.validTo')}
        name="validTo"
        type="date"
        required
        defaultValue={moscowDay(yearLater)}
        errors={errors.validTo}
      />
    </div>
  );
}

function CreateForm({
  candidates,
  outcome,
}: {
  candidates: LoaderData['candidates'];
  outcome: Outcome | undefined;
}) {
  const failed = outcome?.intent === 'create' && !outcome.done ? outcome.errors : null;
  const errors = failed?.fieldErrors ?? {};

  return (
    <section aria-labelledby="create-title" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="create-title" className="text-lg font-semibold">
        {t('organisations.powers.create.title')}
      </h2>
      {candidates.length === 0 ? (
        <p className="mt-2 text-slate-700">{t('organisations.powers.create.noCandidates')}</p>
      ) : (
        <Form
          method="post"
          noValidate
          className="mt-3 space-y-4"
          key={outcome?.intent === 'create' && outcome.done ? outcome.powerId : 'create'}
        >
          <input type="hidden" name="intent" value="create" />
          <FormError message={failed?.formError} />
          <SelectField
            label={t('organisations.powers.create.representative')}
            name="representativeMemberId"
            placeholder={t('organisations.powers.create.choose')}
            options={candidates.map((member) => ({
              value: member.id,
              label: `${member.fullName} (${t(`organisations.role.${member.role}`)})`,
            }))}
            errors={errors.representativeMemberId}
          />
          <ScopeChoice errors={errors.scopes} />
          <Field
            label={t('organisations.powers.create.ceiling')}
            name="amountCeiling"
            inputMode="decimal"
            hint={t('organisations.powers.create.ceilingHint')}
            errors={errors.amountCeilingKopecks}
          />
          <ValidityFields errors={errors} />
          <SubmitButton>{t('organisations.powers.create.submit')}</SubmitButton>
        </Form>
      )}
    </section>
  );
}

export default function OrganisationPowers({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const { organisation, powers, candidates } = loaderData;
  const isHead = organisation.permissions.includes('powers.manage');
  const outcome = actionData ?? undefined;

  return (
    <div className="space-y-6">
      <OrganisationHeading
        organisationId={organisation.id}
        permissions={organisation.permissions}
        shortName={organisation.shortName}
        title={t('organisations.powers.title')}
        titleId="powers-title"
        lead={t('organisations.powers.lead')}
      />
      {!isHead && (
        <p className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-700">
          {t('organisations.powers.onlyHead')}
        </p>
      )}

      {powers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-4 text-slate-700">
          {t('organisations.powers.empty')}
        </p>
      ) : (
        <ul className="space-y-3" aria-busy={navigation.state !== 'idle'}>
          {powers.map((power) => (
            <PowerItem
              key={power.id}
              power={power}
              organisationId={organisation.id}
              isHead={isHead}
              outcome={outcome}
            />
          ))}
        </ul>
      )}

      {isHead && <CreateForm candidates={candidates} outcome={outcome} />}
    </div>
  );
}
