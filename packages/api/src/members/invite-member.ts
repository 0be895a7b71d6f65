import { randomUUID } from 'node:crypto';
import { Invitation, Member, User, type EntityManager } from '@orgcard/db';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import { enqueueJob } from '../outbox/enqueue.ts';
import type { OrganisationCall } from '../organisations/organisation-call.ts';
import { roleLabels, type InvitableRole } from './role-labels.ts';

export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;

export interface MemberInvitation {
  email: string;
  role: InvitableRole;
}

/**
 * Invites a person by email to join with a role. The link carries a random token of which only
 * the hash is stored; it works for 7 days. A new invitation to the same address replaces the
 * pending one. The email leaves through the outbox in the same transaction as the journal entry.
 */
export async function inviteMember(
  call: OrganisationCall,
  invitation: MemberInvitation,
  appUrl: string,
  now = new Date(),
): Promise<Invitation> {
  const { organisation } = call;
  await refuseExistingMember(call, invitation.email);
  const token = newToken();

  return call.em.transactional(async (em) => {
    const pending = await em.find(Invitation, {
      organisationId: organisation.id,
      email: invitation.email,
      acceptedAt: null,
      revokedAt: null,
    });
    for (const previous of pending) previous.revokedAt = now;
    const created = em.create(Invitation, {
      id: randomUUID(),
      organisationId: organisation.id,
      email: invitation.email,
      role: invitation.role,
      tokenHash: tokenHash(token),
      invitedByUserId: call.user.id,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      acceptedAt: null,
      acceptedByUserId: null,
      revokedAt: null,
    });
    const link = `${appUrl.replace(/\/+$/, '')}/invitations/${token}`;
    sendInvitationEmail(em, call, invitation, link);
    await call.journal(em, {
      action: 'member.invited',
      target: { type: 'invitation', id: created.id },
      details: { role: invitation.role, replacedInvitations: pending.length },
    });

    return created;
  });
}

async function refuseExistingMember(call: OrganisationCall, email: string): Promise<void> {
  const invitee = await call.em.findOne(User, { email });
  if (!invitee) return;
  const active = await call.em.count(Member, {
    organisationId: call.organisation.id,
    userId: invitee.id,
    status: 'active',
  });
  if (active > 0) {
    throw new AppError('conflict', 'Почта: этот человек уже состоит в организации', {
      field: 'email',
    });
  }
}

function sendInvitationEmail(
  em: EntityManager,
  call: OrganisationCall,
  invitation: MemberInvitation,
  link: string,
): void {
  enqueueJob(em, 'notifications', {
    channel: 'email',
    to: invitation.email,
    template: 'member-invitation',
    data: {
      organisation: call.organisation.shortName,
      inviter: call.user.fullName,
      role: roleLabels[invitation.role],
      link,
    },
  });
}

/** Withdraws a pending invitation; its link stops working at once. */
export async function cancelInvitation(
  call: OrganisationCall,
  invitationId: string,
  now = new Date(),
): Promise<void> {
  const invitation = await call.em.findOne(Invitation, {
    id: invitationId,
    organisationId: call.organisation.id,
    acceptedAt: null,
    revokedAt: null,
  });
  if (!invitation) throw new AppError('not_found', 'Приглашение не найдено или уже не действует.');

  await call.em.transactional(async (em) => {
    invitation.revokedAt = now;
    await call.journal(em, {
      action: 'member.invitation_cancelled',
      target: { type: 'invitation', id: invitation.id },
      details: { role: invitation.role },
    });
  });
}
