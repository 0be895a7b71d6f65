import { useId } from 'react';
import { data, Form, useNavigation } from 'react-router';
import { toFormErrors, type FormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/organisation-members';
import { Field } from '../components/field.tsx';
import { FormError, FormStatus, SubmitButton } from '../components/form-bits.tsx';
import { OrganisationHeading } from '../components/organisation-nav.tsx';
import { t } from '../i18n/index.ts';
import { textField } from '../lib/form-data.ts';
import { dateFormat, throwIfRefused } from '../lib/organisations.ts';

export function meta() {
  return [{ title: `${t('organisations.members.title')} — ${t('app.name')}` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { organisationId } = params;
  try {
    const [organisation, listing, me] = await Promise.all([
      context.api.organisations.get({ organisationId }),
      context.api.members.list({ organisationId }),
      context.api.auth.me(),
    ]);

    return { organisation, ...listing, myUserId: me?.user.id ?? null };
  } catch (error) {
    throwIfRefused(error, request);
    throw error;
  }
}

const roles = ['administrator', 'accountant', 'employee', 'auditor'] as const;
type Role = (typeof roles)[number];
type Intent = 'invite' | 'changeRole' | 'remove' | 'cancelInvitation';

interface Outcome {
  intent: Intent;
  /** The row or address the outcome belongs to. */
  subject: string;
  done: boolean;
  errors: FormErrors | null;
}

async function perform(
  api: Route.ActionArgs['context']['api'],
  organisationId: string,
  intent: Intent,
  form: FormData,
): Promise<string> {
  if (intent === 'invite') {
    const email = textField(form, 'email');
    await api.members.invite({ organisationId, email, role: textField(form, 'role') as Role });

    return email;
  }
  if (intent === 'cancelInvitation') {
    const invitationId = textField(form, 'invitationId');
    await api.members.cancelInvitation({ organisationId, invitationId });

    return invitationId;
  }
  const memberId = textField(form, 'memberId');
  if (intent === 'changeRole') {
    await api.members.changeRole({
      organisationId,
      memberId,
      role: textField(form, 'role') as Role,
    });
  } else {
    await api.members.remove({ organisationId, memberId });
  }

  return memberId;
}

const intents: Intent[] = ['invite', 'changeRole', 'remove', 'cancelInvitation'];

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = intents.find((candidate) => candidate === textField(form, 'intent'));
  if (!intent) throw data(null, { status: 400 });
  const subject =
    textField(form, 'memberId') || textField(form, 'invitationId') || textField(form, 'email');
  try {
    const done = await perform(context.api, params.organisationId, intent, form);

    return { intent, subject: done, done: true, errors: null } satisfies Outcome;
  } catch (error) {
    throwIfRefused(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ intent, subject, done: false, errors } satisfies Outcome, { status: 400 });
  }
}

type LoaderData = Route.ComponentProps['loaderData'];
type MemberRow = LoaderData['members'][number];

function RoleSelect({ name, label, value }: { name: string; label: string; value?: Role }) {
  const id = useId();

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? 'employee'}
        className="block rounded border border-slate-400 bg-white px-3 py-2"
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`organisations.role.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

interface MemberItemProps {
  member: MemberRow;
  isYou: boolean;
  canManage: boolean;
  outcome: Outcome | undefined;
}

function MemberItem({ member, isYou, canManage, outcome }: MemberItemProps) {
  const editable = canManage && !isYou && member.role !== 'head';
  const mine = outcome?.subject === member.id ? outcome : undefined;

  return (
    <li className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <div>
        <p className="font-semibold">
          {member.fullName}
          {isYou && (
            <span className="font-normal text-slate-600"> ({t('organisations.members.you')})</span>
          )}
        </p>
        <p className="text-sm text-slate-700">{member.email}</p>
        <p className="text-sm">
          {t('organisations.members.role')}: {t(`organisations.role.${member.role}`)} ·{' '}
          {t('organisations.members.since', { date: dateFormat.format(new Date(member.joinedAt)) })}
        </p>
      </div>
      {mine?.done && mine.intent === 'changeRole' && (
        <FormStatus>{t('organisations.members.roleChanged')}</FormStatus>
      )}
      <FormError
        message={
          mine?.errors?.formError ?? Object.values(mine?.errors?.fieldErrors ?? {}).flat()[0]
        }
      />
      {editable && (
        <div className="flex flex-wrap items-end gap-3">
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="changeRole" />
            <input type="hidden" name="memberId" value={member.id} />
            <RoleSelect
              name="role"
              label={t('organisations.members.roleFor', { name: member.fullName })}
              value={member.role as Role}
            />
            <SubmitButton variant="secondary">{t('organisations.members.saveRole')}</SubmitButton>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="memberId" value={member.id} />
            <SubmitButton
              variant="danger"
              aria-label={t('organisations.members.removeLabel', { name: member.fullName })}
            >
              {t('organisations.members.remove')}
            </SubmitButton>
          </Form>
        </div>
      )}
    </li>
  );
}

function InviteForm({ outcome, busy }: { outcome: Outcome | undefined; busy: boolean }) {
  const invite = outcome?.intent === 'invite' ? outcome : undefined;

  return (
    <section aria-labelledby="invite-title" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="invite-title" className="text-lg font-semibold">
        {t('organisations.members.invite.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('organisations.members.invite.lead')}</p>
      {/* A new form after each invitation sent, so the address field is empty again. */}
      <Form
        method="post"
        noValidate
        className="mt-3 space-y-3"
        key={invite?.done ? invite.subject : 'invite'}
      >
        <input type="hidden" name="intent" value="invite" />
        <FormError message={invite?.errors?.formError} />
        <Field
          label={t('organisations.members.invite.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={invite && !invite.done ? invite.subject : ''}
          errors={invite?.errors?.fieldErrors.email}
        />
        <RoleSelect name="role" label={t('organisations.members.role')} />
        {invite?.errors?.fieldErrors.role && (
          <p role="alert" className="text-sm text-red-800">
            {invite.errors.fieldErrors.role.join(' ')}
          </p>
        )}
        <SubmitButton busy={busy}>{t('organisations.members.invite.submit')}</SubmitButton>
        {invite?.done && (
          <FormStatus>
            {t('organisations.members.invite.sent', { email: invite.subject })}
          </FormStatus>
        )}
      </Form>
    </section>
  );
}

function Invitations({
  listing,
  canManage,
}: {
  listing: LoaderData['invitations'];
  canManage: boolean;
}) {
  return (
    <section aria-labelledby="invitations-title" className="space-y-2">
      <h2 id="invitations-title" className="text-lg font-semibold">
        {t('organisations.members.invitations.title')}
      </h2>
      {listing.length === 0 ? (
        <p className="text-slate-700">{t('organisations.members.invitations.empty')}</p>
      ) : (
        <ul className="space-y-2">
          {listing.map((invitation) => (
            <li
              key={invitation.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-white p-3 shadow-sm"
            >
              <span>
                {invitation.email} · {t(`organisations.role.${invitation.role}`)} ·{' '}
                {t('organisations.members.invitations.until', {
                  date: dateFormat.format(new Date(invitation.expiresAt)),
                })}
              </span>
              {canManage && (
                <Form method="post">
                  <input type="hidden" name="intent" value="cancelInvitation" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <SubmitButton
                    variant="secondary"
                    aria-label={t('organisations.members.invitations.cancelLabel', {
                      email: invitation.email,
                    })}
                  >
                    {t('organisations.members.invitations.cancel')}
                  </SubmitButton>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function OrganisationMembers({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const { organisation, members, invitations, myUserId } = loaderData;
  const canManage = organisation.permissions.includes('members.manage');
  const outcome = actionData ?? undefined;

  return (
    <div className="space-y-6">
      <OrganisationHeading
        organisationId={organisation.id}
        permissions={organisation.permissions}
        shortName={organisation.shortName}
        title={t('organisations.members.title')}
        titleId="members-title"
        lead={t('organisations.members.lead')}
      />

      {outcome?.done && outcome.intent === 'remove' && (
        <FormStatus>{t('organisations.members.removed')}</FormStatus>
      )}
      {outcome?.done && outcome.intent === 'cancelInvitation' && (
        <FormStatus>{t('organisations.members.invitations.cancelled')}</FormStatus>
      )}
      {outcome?.intent === 'cancelInvitation' && <FormError message={outcome.errors?.formError} />}
      {!canManage && (
        <p className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-700">
          {t('organisations.members.readOnly')}
        </p>
      )}

      <ul aria-labelledby="members-title" className="space-y-3">
        {members.map((member) => (
          <MemberItem
            key={member.id}
            member={member}
            isYou={member.userId === myUserId}
            canManage={canManage}
            outcome={outcome}
          />
        ))}
      </ul>

      {canManage && <InviteForm outcome={outcome} busy={navigation.state === 'submitting'} />}
      <Invitations listing={invitations} canManage={canManage} />
    </div>
  );
}
