import { Member, Organisation, type EntityManager, type MemberRole, type User } from '@orgcard/db';

/** A password older than this is due for a change; the pages remind the person. */
export const PASSWORD_REMINDER_DAYS = 90;

export interface Me {
  user: {
    id: string;
    fullName: string;
    email: string;
    phoneConfirmed: boolean;
    emailConfirmed: boolean;
    secondFactor: 'sms' | 'totp';
  };
  passwordChangeDue: boolean;
  organisations: { id: string; shortName: string; role: MemberRole }[];
}

/** Who is signed in, with the organisations they are an active member of. */
export async function describeMe(em: EntityManager, user: User, now = new Date()): Promise<Me> {
  const members = await em.find(Member, { userId: user.id, status: 'active' });
  const organisations = await em.find(
    Organisation,
    { id: { $in: members.map((member) => member.organisationId) } },
    { orderBy: { shortName: 'asc' } },
  );
  const roleOf = new Map(members.map((member) => [member.organisationId, member.role]));
  const reminderMs = PASSWORD_REMINDER_DAYS * 24 * 3600_000;

  return {
    user: {
      id: user.id,
      fullName: user.fullName,
      email: user.email,
      phoneConfirmed: user.phoneConfirmedAt != null,
      emailConfirmed: user.emailConfirmedAt != null,
      secondFactor: user.secondFactor,
    },
    passwordChangeDue: now.getTime() - user.passwordChangedAt.getTime() > reminderMs,
    organisations: organisations.flatMap((organisation) => {
      const role = roleOf.get(organisation.id);

      return role ? [{ id: organisation.id, shortName: organisation.shortName, role }] : [];
    }),
  };
}
