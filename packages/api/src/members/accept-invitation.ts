import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import {
  Invitation,
  Member,
  Organisation,
  type EntityManager,
  type MemberRole,
  type User,
} from '@orgcard/db';
import { tokenHash } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import { writeJournal } from '../journal/write-journal.ts';
import type { RequestInfo } from '../trpc/context.ts';

export type InvitationState = 'pending' | 'accepted' | 'cancelled' | 'expired';

export interface InvitationView {
  organisationId: string;
  organisationShortName: string;
  role: MemberRole;
  /** The address it was sent to, partly hidden: the link may have been forwarded. */
  maskedEmail: string;
  state: InvitationState;
  /** Whether the signed-in person's address is the invited one. */
  addressedToYou: boolean;
}

/** i***@example.ru: enough for its owner to recognise, little for anyone else. */
function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');

  return `${local.slice(0, 1)}***@${domain}`;
}

function stateOf(invitation: Invitation, now: Date): InvitationState {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'cancelled';

  return invitation.expiresAt <= now ? 'expired' : 'pending';
}

const refusals: Record<Exclude<InvitationState, 'pending'>, string> = {
  accepted: 'Приглашение уже принято.',
  cancelled: 'Приглашение отозвано: попросите прислать новое.',
  expired: 'Срок действия приглашения истёк: попросите прислать новое.',
};

function sameAddress(user: User, invitation: Invitation): boolean {
  return user.email.toLowerCase() === invitation.email.toLowerCase();
}

async function findByToken(em: EntityManager, token: string, lock = false) {
  const invitation = await em.findOne(
    Invitation,
    { tokenHash: tokenHash(token) },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!invitation) throw new AppError('not_found', 'Приглашение не найдено: проверьте ссылку.');

  return invitation;
}

/** What an invitation link offers, for the page that accepts it. */
export async function viewInvitation(
  em: EntityManager,
  user: User,
  token: string,
  now = new Date(),
): Promise<InvitationView> {
  const invitation = await findByToken(em, token);
  const organisation = await em.findOneOrFail(Organisation, { id: invitation.organisationId });

  return {
    organisationId: organisation.id,
    organisationShortName: organisation.shortName,
    role: invitation.role,
    maskedEmail: maskEmail(invitation.email),
    state: stateOf(invitation, now),
    addressedToYou: sameAddress(user, invitation),
  };
}

/**
 * Joins the signed-in person to the organisation with the invited role. The account's address
 * must be the invited one: the token proves access to that mailbox, the account must match it.
 * A former member returns with the new role.
 */
export async function acceptInvitation(
  em: EntityManager,
  user: User,
  token: string,
  request: Pick<RequestInfo, 'ip' | 'userAgent'>,
  now = new Date(),
): Promise<{ organisationId: string; memberId: string }> {
  return em.transactional(async (tx) => {
    // Locked so that two clicks on the link cannot both pass the state check.
    const invitation = await findByToken(tx, token, true);
    const state = stateOf(invitation, now);
    if (state !== 'pending') throw new AppError('invalid_state', refusals[state]);
    if (!sameAddress(user, invitation)) {
      throw new AppError(
        'forbidden',
        `Приглашение отправлено на ${maskEmail(invitation.email)}: войдите с этим адресом почты.`,
      );
    }
    const organisationId = invitation.organisationId;
    let member = await tx.findOne(Member, { organisationId, userId: user.id });
    if (member?.status === 'active') {
      throw new AppError('conflict', 'Вы уже состоите в этой организации.');
    }
    if (member) {
      member.status = 'active';
      member.role = invitation.role;
    } else {
      member = tx.create(Member, {
        id: randomUUID(),
        organisationId,
        userId: user.id,
        role: invitation.role,
      });
    }
    invitation.acceptedAt = now;
    invitation.acceptedByUserId = user.id;
    await writeJournal(tx, {
      organisationId,
      actor: { kind: 'user', id: user.id, name: user.fullName },
      action: 'member.joined',
      target: { type: 'member', id: member.id },
      details: { role: invitation.role, invitationId: invitation.id },
      request,
    });

    return { organisationId, memberId: member.id };
  });
}
