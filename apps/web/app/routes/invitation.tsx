import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { toFormErrors } from '@orgcard/api/forms';
import type { Route } from './+types/invitation';
import { FormError, SubmitButton } from '../components/form-bits.tsx';
import { t } from '../i18n/index.ts';
import { redirectIfSignedOut, trpcCodeOf } from '../lib/identity.ts';

export function meta() {
  return [{ title: `${t('organisations.invitation.title')} — ${t('app.name')}` }];
}

export async function loader({ context, params }: Route.LoaderArgs) {
  const me = await context.api.auth.me();
  const next = encodeURIComponent(`/invitations/${params.token}`);
  if (!me) return { signedIn: false as const, next };
  try {
    const invitation = await context.api.members.viewInvitation({ token: params.token });

    return { signedIn: true as const, next, invitation };
  } catch (error) {
    // A mistyped or unknown link: the page says so rather than failing.
    if (trpcCodeOf(error) === 'NOT_FOUND' || trpcCodeOf(error) === 'BAD_REQUEST') {
      return { signedIn: true as const, next, invitation: null };
    }
    throw error;
  }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  try {
    const { organisationId } = await context.api.members.acceptInvitation({ token: params.token });

    return redirect(`/organisations/${organisationId}`);
  } catch (error) {
    redirectIfSignedOut(error, request);
    const errors = toFormErrors(error);
    if (!errors) throw error;

    return data({ errors }, { status: 400 });
  }
}

type Loaded = Route.ComponentProps['loaderData'];

function SignedOut({ next }: { next: string }) {
  return (
    <div className="space-y-3">
      <p>{t('organisations.invitation.signedOut')}</p>
      <p className="flex flex-wrap gap-3">
        <Link
          to={`/signin?next=${next}`}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t('organisations.invitation.signIn')}
        </Link>
        <Link
          to={`/signup?next=${next}`}
          className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800"
        >
          {t('organisations.invitation.signUp')}
        </Link>
      </p>
    </div>
  );
}

function Offer({
  invitation,
  formError,
  busy,
}: {
  invitation: NonNullable<Extract<Loaded, { signedIn: true }>['invitation']>;
  formError: string | null | undefined;
  busy: boolean;
}) {
  const offer = t('organisations.invitation.offer', {
    organisation: invitation.organisationShortName,
    role: t(`organisations.role.${invitation.role}`),
  });
  if (invitation.state !== 'pending') {
    return (
      <div className="space-y-2">
        <p>{offer}</p>
        <p role="status">{t(`organisations.invitation.state.${invitation.state}`)}</p>
      </div>
    );
  }
  if (!invitation.addressedToYou) {
    return (
      <div className="space-y-2">
        <p>{offer}</p>
        <p role="alert" className="text-red-800">
          {t('organisations.invitation.wrongAddress', { email: invitation.maskedEmail })}
        </p>
        <Form method="post" action="/signout">
          <SubmitButton variant="secondary">{t('organisations.invitation.signOut')}</SubmitButton>
        </Form>
      </div>
    );
  }

  return (
    <Form method="post" className="space-y-3">
      <p>{offer}</p>
      <FormError message={formError} />
      <SubmitButton busy={busy}>{t('organisations.invitation.accept')}</SubmitButton>
    </Form>
  );
}

export default function InvitationPage({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();

  return (
    <section
      aria-labelledby="invitation-title"
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm"
    >
      <h1 id="invitation-title" className="text-2xl font-bold">
        {t('organisations.invitation.title')}
      </h1>
      {!loaderData.signedIn ? (
        <SignedOut next={loaderData.next} />
      ) : loaderData.invitation ? (
        <Offer
          invitation={loaderData.invitation}
          formError={actionData?.errors.formError}
          busy={navigation.state === 'submitting'}
        />
      ) : (
        <p role="alert">{t('organisations.invitation.notFound')}</p>
      )}
    </section>
  );
}
