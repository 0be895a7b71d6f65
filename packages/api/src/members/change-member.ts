import { Member, PowerOfAttorney } from '@orgcard/db';
import { AppError } from '../errors.ts';
import type { OrganisationCall } from '../organisations/organisation-call.ts';
import type { InvitableRole } from './role-labels.ts';

/**
 * The member another member acts on. Nobody changes their own membership here, and the head
 * is neither demoted nor removed: an organisation always has the head who answers for it.
 */
async function otherMember(call: OrganisationCall, memberId: string, refusal: string) {
  const member = await call.em.findOne(Member, {
    id: memberId,
    organisationId: call.organisation.id,
    status: 'active',
  });
  if (!member) throw new AppError('not_found', 'Участник не найден.');
  if (member.id === call.member.id) throw new AppError('forbidden', refusal);
  if (member.role === 'head') {
    throw new AppError('forbidden', 'Руководителя нельзя понизить в роли или исключить.');
  }

  return member;
}

/** Gives a member another role (any but head). */
export async function changeMemberRole(
  call: OrganisationCall,
  memberId: string,
  role: InvitableRole,
): Promise<Member> {
  const member = await otherMember(call, memberId, 'Роль: нельзя изменить собственную роль');
  const from = member.role;
  if (from === role) return member;

  await call.em.transactional(async (em) => {
    member.role = role;
    await call.journal(em, {
      action: 'member.role_changed',
      target: { type: 'member', id: member.id },
      details: { from, to: role },
    });
  });

  return member;
}

/**
 * Ends a membership. The member's powers of attorney end with it: a power granted to a member
 * is revoked, in the same transaction, as if the head had revoked it.
 */
export async function removeMember(
  call: OrganisationCall,
  memberId: string,
  now = new Date(),
): Promise<void> {
  const member = await otherMember(call, memberId, 'Нельзя исключить самого себя.');
  const powers = await call.em.find(PowerOfAttorney, {
    organisationId: call.organisation.id,
    representativeMemberId: member.id,
    status: { $in: ['awaiting_signature', 'active'] },
  });
  const reason = 'Участник исключён из организации';

  await call.em.transactional(async (em) => {
    member.status = 'removed';
    await call.journal(em, {
      action: 'member.removed',
      target: { type: 'member', id: member.id },
      details: { role: member.role, revokedPowers: powers.length },
    });
    for (const power of powers) {
      power.status = 'revoked';
      power.revokedAt = now;
      power.revocationReason = reason;
      await call.journal(em, {
        action: 'power_of_attorney.revoked',
        target: { type: 'power_of_attorney', id: power.id },
        details: { reason },
      });
    }
  });
}
