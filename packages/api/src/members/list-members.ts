import { Invitation, Member, User, type EntityManager, type MemberRole } from '@orgcard/db';

export interface MemberListing {
  members: {
    id: string;
    userId: string;
    fullName: string;
    email: string;
    role: MemberRole;
    joinedAt: Date;
  }[];
  invitations: { id: string; email: string; role: MemberRole; expiresAt: Date }[];
}

const roleOrder: MemberRole[] = ['head', 'administrator', 'accountant', 'employee', 'auditor'];

/** The active members of an organisation, head first, and the invitations still pending. */
export async function listMembers(
  em: EntityManager,
  organisationId: string,
  now = new Date(),
): Promise<MemberListing> {
  const members = await em.find(Member, { organisationId, status: 'active' });
  const users = await em.find(User, { id: { $in: members.map((member) => member.userId) } });
  const userOf = new Map(users.map((user) => [user.id, user]));
  const invitations = await em.find(
    Invitation,
    { organisationId, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } },
    { orderBy: { createdAt: 'desc' } },
  );

  return {
    members: members
      .flatMap((member) => {
        const user = userOf.get(member.userId);
        if (!user) return [];
        const { id, userId, role, createdAt: joinedAt } = member;

        return [{ id, userId, fullName: user.fullName, email: user.email, role, joinedAt }];
      })
      .sort(
        (a, b) =>
          roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) ||
          a.fullName.localeCompare(b.fullName, 'ru'),
      ),
    invitations: invitations.map(({ id, email, role, expiresAt }) => ({
      id,
      email,
      role,
      expiresAt,
    })),
  };
}
