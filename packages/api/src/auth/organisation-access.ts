import { Member, Organisation, PowerOfAttorney, User, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { roleGrants, scopePermissions, type Permission } from './permissions.ts';

export interface OrganisationAccess {
  organisation: Organisation;
  member: Member;
  /** Set when the permission comes from a power of attorney rather than the member's role. */
  actingUnder: { powerOfAttorneyId: string; principal: { id: string; name: string } } | null;
}

/**
 * Decides whether a user may use a permission in an organisation: by their role, or else by
 * an active, signed, unexpired power of attorney with a scope that grants it.
 */
export async function checkOrganisationAccess(
  em: EntityManager,
  userId: string,
  organisationId: string,
  permission: Permission,
  now = new Date(),
): Promise<OrganisationAccess> {
  const member = await em.findOne(Member, { organisationId, userId, status: 'active' });
  // A stranger learns nothing, not even whether the organisation exists.
  if (!member) throw new AppError('forbidden');
  const organisation = await em.findOneOrFail(Organisation, { id: organisationId });
  if (roleGrants(member.role, permission)) return { organisation, member, actingUnder: null };

  const powers = await em.find(PowerOfAttorney, {
    organisationId,
    representativeMemberId: member.id,
    status: 'active',
    validFrom: { $lte: now },
    validTo: { $gt: now },
  });
  const power = powers.find((candidate) =>
    candidate.scopes.some((scope) => scopePermissions[scope].includes(permission)),
  );
  if (!power) throw new AppError('forbidden');
  const principal = await em.findOneOrFail(User, { id: power.principalUserId });

  return {
    organisation,
    member,
    actingUnder: {
      powerOfAttorneyId: power.id,
      principal: { id: principal.id, name: principal.fullName },
    },
  };
}
