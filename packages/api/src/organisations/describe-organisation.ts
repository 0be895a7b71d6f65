import {
  Member,
  Organisation,
  PowerOfAttorney,
  type EntityManager,
  type MemberRole,
} from '@orgcard/db';
import { rolePermissions, scopePermissions, type Permission } from '../auth/permissions.ts';
import type { OrganisationCall } from './organisation-call.ts';

export interface OrganisationSummary {
  id: string;
  type: Organisation['type'];
  fullName: string;
  shortName: string;
  inn: string;
  ogrn: string;
  kpp: string;
  status: Organisation['status'];
  role: MemberRole;
}

export interface OrganisationDashboard extends OrganisationSummary {
  legalAddress: string;
  postalAddress: string;
  email: string;
  phone: string;
  idleTimeoutMinutes: number;
  createdAt: Date;
  /** What the caller may do here: by role, plus the scopes of their active powers of attorney. */
  permissions: Permission[];
  activeMembers: number;
}

function summaryOf(organisation: Organisation, role: MemberRole): OrganisationSummary {
  const { id, type, fullName, shortName, inn, ogrn, kpp, status } = organisation;

  return { id, type, fullName, shortName, inn, ogrn, kpp, status, role };
}

/** The organisations a person is an active member of, with their role, by short name. */
export async function listMyOrganisations(
  em: EntityManager,
  userId: string,
): Promise<OrganisationSummary[]> {
  const members = await em.find(Member, { userId, status: 'active' });
  const organisations = await em.find(
    Organisation,
    { id: { $in: members.map((member) => member.organisationId) } },
    { orderBy: { shortName: 'asc' } },
  );
  const roleOf = new Map(members.map((member) => [member.organisationId, member.role]));

  return organisations.flatMap((organisation) => {
    const role = roleOf.get(organisation.id);

    return role ? [summaryOf(organisation, role)] : [];
  });
}

/** Permissions of a member: their role's, plus those of their active, current powers. */
export async function effectivePermissions(
  em: EntityManager,
  member: Member,
  now = new Date(),
): Promise<Permission[]> {
  const powers = await em.find(PowerOfAttorney, {
    organisationId: member.organisationId,
    representativeMemberId: member.id,
    status: 'active',
    validFrom: { $lte: now },
    validTo: { $gt: now },
  });
  const granted = new Set<Permission>(rolePermissions[member.role]);
  for (const scope of powers.flatMap((power) => power.scopes)) {
    for (const permission of scopePermissions[scope]) granted.add(permission);
  }

  return [...granted];
}

/** The dashboard of an organisation, as its member sees it. */
export async function describeOrganisation(
  call: Pick<OrganisationCall, 'em' | 'organisation' | 'member'>,
): Promise<OrganisationDashboard> {
  const { em, organisation, member } = call;
  const activeMembers = await em.count(Member, {
    organisationId: organisation.id,
    status: 'active',
  });

  return {
    ...summaryOf(organisation, member.role),
    legalAddress: organisation.legalAddress,
    postalAddress: organisation.postalAddress,
    email: organisation.email,
    phone: organisation.phone,
    idleTimeoutMinutes: organisation.idleTimeoutMinutes,
    createdAt: organisation.createdAt,
    permissions: await effectivePermissions(em, member),
    activeMembers,
  };
}
