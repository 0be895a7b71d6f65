import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invitation, JournalEntry, Member } from '@orgcard/db';
import { toFormErrors } from '../src/forms.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import {
  lastMessageTo,
  personWithSession,
  registerOrganisationAs,
  type Person,
} from './support/organisation-people.ts';

async function failureOf(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The token at the end of the invitation link in the latest email to `email`. */
async function invitationTokenFor(app: TestApp, email: string): Promise<string> {
  const message = await lastMessageTo(app, email);
  expect(message.template).toBe('member-invitation');
  const link = new URL(message.data.link ?? '');
  expect(link.origin).toBe('http://localhost:3000');

  return link.pathname.replace('/invitations/', '');
}

describe('members', () => {
  let app: TestApp;
  let head: Person;
  let organisationId: string;
  const em = () => app.services.orm.em.fork();

  /** Invites a new person with a role and has them accept; returns them and their member id. */
  async function join(role: 'administrator' | 'accountant' | 'employee' | 'auditor', name: string) {
    const person = await personWithSession(app, name);
    await head.caller().members.invite({ organisationId, email: person.user.email, role });
    const token = await invitationTokenFor(app, person.user.email);
    const { memberId } = await person.caller().members.acceptInvitation({ token });

    return { person, memberId };
  }

  beforeAll(async () => {
    app = await createTestApp();
    head = await personWithSession(app, 'Иванов Иван Иванович');
    organisationId = await registerOrganisationAs(head, { shortName: 'ООО "Ромашка"' });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('invitations', () => {
    it('emails a link that joins the invitee with the role, and journals both steps', async () => {
      const olga = await personWithSession(app, 'Петрова Ольга', { email: 'olga@example.ru' });

      await head
        .caller()
        .members.invite({ organisationId, email: ' Olga@Example.RU ', role: 'accountant' });
      const message = await lastMessageTo(app, 'olga@example.ru');
      const token = await invitationTokenFor(app, 'olga@example.ru');
      const view = await olga.caller().members.viewInvitation({ token });
      await olga.caller().members.acceptInvitation({ token });

      expect(message.data).toMatchObject({ organisation: 'ООО "Ромашка"', role: 'бухгалтер' });
      expect(view).toMatchObject({
        organisationShortName: 'ООО "Ромашка"',
        role: 'accountant',
        maskedEmail: 'o***@example.ru',
        state: 'pending',
        addressedToYou: true,
      });
      const member = await em().findOneOrFail(Member, { organisationId, userId: olga.user.id });
      expect(member).toMatchObject({ role: 'accountant', status: 'active' });
      const actions = await em().find(
        JournalEntry,
        { organisationId, action: { $in: ['member.invited', 'member.joined'] } },
        { orderBy: { seq: 'asc' } },
      );
      expect(actions.map(({ action, actorId }) => ({ action, actorId }))).toEqual([
        { action: 'member.invited', actorId: head.user.id },
        { action: 'member.joined', actorId: olga.user.id },
      ]);
      // Only the hash of the link's token is kept.
      const invitation = await em().findOneOrFail(Invitation, { email: 'olga@example.ru' });
      expect(invitation.tokenHash).not.toContain(token);
      expect(invitation.acceptedByUserId).toBe(olga.user.id);
    });

    it('lets only the account with the invited address accept, whatever its letter case', async () => {
      const invitee = await personWithSession(app, 'Сидоров Семён', { email: 'semyon@example.ru' });
      const other = await personWithSession(app, 'Посторонний Пётр');
      await head
        .caller()
        .members.invite({ organisationId, email: 'SEMYON@example.ru', role: 'employee' });
      const token = await invitationTokenFor(app, 'semyon@example.ru');

      const refusal = await failureOf(other.caller().members.acceptInvitation({ token }));
      await invitee.caller().members.acceptInvitation({ token });

      expect(refusal.code).toBe('FORBIDDEN');
      expect(refusal.message).toBe(
        'Приглашение отправлено на s***@example.ru: войдите с этим адресом почты.',
      );
      expect(await em().count(Member, { organisationId, userId: other.user.id })).toBe(0);
      expect(await em().count(Member, { organisationId, userId: invitee.user.id })).toBe(1);
    });

    it('works once, and not after seven days', async () => {
      const { person } = await join('employee', 'Единожды Егор');
      const late = await personWithSession(app, 'Опоздавший Олег');
      await head
        .caller()
        .members.invite({ organisationId, email: late.user.email, role: 'auditor' });
      const lateToken = await invitationTokenFor(app, late.user.email);
      await em()
        .getConnection()
        .execute(`update invitation set expires_at = now() - interval '1 minute' where email = ?`, [
          late.user.email,
        ]);

      const usedAgain = await failureOf(
        person.caller().members.acceptInvitation({
          token: await invitationTokenFor(app, person.user.email),
        }),
      );
      const expired = await failureOf(late.caller().members.acceptInvitation({ token: lateToken }));

      expect([usedAgain.message, expired.message]).toEqual([
        'Приглашение уже принято.',
        'Срок действия приглашения истёк: попросите прислать новое.',
      ]);
      expect(await em().count(Member, { organisationId, userId: late.user.id })).toBe(0);
    });

    it('replaces a pending invitation with a new one, whose link alone works', async () => {
      const vera = await personWithSession(app, 'Верная Вера');
      const invite = () =>
        head.caller().members.invite({ organisationId, email: vera.user.email, role: 'employee' });
      await invite();
      const firstToken = await invitationTokenFor(app, vera.user.email);
      await invite();
      const secondToken = await invitationTokenFor(app, vera.user.email);

      const refusal = await failureOf(
        vera.caller().members.acceptInvitation({ token: firstToken }),
      );
      await vera.caller().members.acceptInvitation({ token: secondToken });

      expect(refusal.message).toBe('Приглашение отозвано: попросите прислать новое.');
      const listing = await head.caller().members.list({ organisationId });
      expect(listing.members.map((member) => member.userId)).toContain(vera.user.id);
      expect(listing.invitations.map((invitation) => invitation.email)).not.toContain(
        vera.user.email,
      );
    });

    it('refuses to invite someone who is already a member, on the email field', async () => {
      const { person } = await join('auditor', 'Уже Здесь');

      const error = await failureOf(
        head
          .caller()
          .members.invite({ organisationId, email: person.user.email, role: 'employee' }),
      );

      expect(toFormErrors(error)?.fieldErrors).toEqual({
        email: ['Почта: этот человек уже состоит в организации'],
      });
    });

    it('does not invite anyone as a second head', async () => {
      const error = await failureOf(
        head.caller().members.invite({
          organisationId,
          email: 'second-head@example.ru',
          role: 'head' as 'employee',
        }),
      );

      expect(toFormErrors(error)?.fieldErrors.role).toEqual([
        'Роль: выберите администратора, бухгалтера, сотрудника или аудитора',
      ]);
    });

    it('withdraws a pending invitation so that its link stops working', async () => {
      const late = await personWithSession(app, 'Отменённый Остап');
      const { invitationId } = await head
        .caller()
        .members.invite({ organisationId, email: late.user.email, role: 'employee' });
      const token = await invitationTokenFor(app, late.user.email);

      await head.caller().members.cancelInvitation({ organisationId, invitationId });

      const refusal = await failureOf(late.caller().members.acceptInvitation({ token }));
      expect(refusal.code).toBe('PRECONDITION_FAILED');
    });

    it('does not let an employee invite anyone', async () => {
      const { person } = await join('employee', 'Простой Сотрудник');

      const error = await failureOf(
        person
          .caller()
          .members.invite({ organisationId, email: 'friend@example.ru', role: 'employee' }),
      );

      expect(error.code).toBe('FORBIDDEN');
    });
  });

  describe('roles', () => {
    it('changes a member’s role and journals from what to what', async () => {
      const { memberId } = await join('employee', 'Растущий Роман');

      await head.caller().members.changeRole({ organisationId, memberId, role: 'accountant' });

      expect((await em().findOneOrFail(Member, { id: memberId })).role).toBe('accountant');
      const entry = await em().findOneOrFail(JournalEntry, {
        organisationId,
        action: 'member.role_changed',
        targetId: memberId,
      });
      expect(entry.details).toEqual({ from: 'employee', to: 'accountant' });
    });

    it('lets nobody demote or remove the head', async () => {
      const { person: administrator } = await join('administrator', 'Админ Алексей');
      const headMember = await em().findOneOrFail(Member, { organisationId, userId: head.user.id });
      const members = administrator.caller().members;

      const demotion = await failureOf(
        members.changeRole({ organisationId, memberId: headMember.id, role: 'employee' }),
      );
      const removal = await failureOf(members.remove({ organisationId, memberId: headMember.id }));

      expect([demotion.code, removal.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(demotion.message).toBe('Руководителя нельзя понизить в роли или исключить.');
      expect(await em().findOneOrFail(Member, { id: headMember.id })).toMatchObject({
        role: 'head',
        status: 'active',
      });
    });

    it('does not let a member change their own role', async () => {
      const { person, memberId } = await join('administrator', 'Самостоятельный Савва');

      const error = await failureOf(
        person.caller().members.changeRole({ organisationId, memberId, role: 'auditor' }),
      );

      expect(error.message).toBe('Роль: нельзя изменить собственную роль');
      expect((await em().findOneOrFail(Member, { id: memberId })).role).toBe('administrator');
    });
  });

  describe('removal', () => {
    it('ends the membership: the former member loses access, the list forgets them', async () => {
      const { person, memberId } = await join('accountant', 'Уходящий Ульян');

      await head.caller().members.remove({ organisationId, memberId });

      const afterwards = await failureOf(person.caller().members.list({ organisationId }));
      expect(afterwards.code).toBe('FORBIDDEN');
      const listing = await head.caller().members.list({ organisationId });
      expect(listing.members.map((member) => member.id)).not.toContain(memberId);
      expect(
        await em().count(JournalEntry, {
          organisationId,
          action: 'member.removed',
          targetId: memberId,
        }),
      ).toBe(1);
    });

    it('welcomes a former member back through a new invitation, with the new role', async () => {
      const { person, memberId } = await join('accountant', 'Вернувшийся Виктор');
      await head.caller().members.remove({ organisationId, memberId });

      await head
        .caller()
        .members.invite({ organisationId, email: person.user.email, role: 'auditor' });
      const token = await invitationTokenFor(app, person.user.email);
      const rejoined = await person.caller().members.acceptInvitation({ token });

      expect(rejoined.memberId).toBe(memberId);
      expect(await em().findOneOrFail(Member, { id: memberId })).toMatchObject({
        role: 'auditor',
        status: 'active',
      });
    });

    it('acts only on members of the caller’s own organisation', async () => {
      const otherHead = await personWithSession(app, 'Другой Директор');
      const otherOrganisationId = await registerOrganisationAs(otherHead);
      const { memberId } = await join('employee', 'Наш Сотрудник');

      const error = await failureOf(
        otherHead.caller().members.remove({ organisationId: otherOrganisationId, memberId }),
      );

      expect(error.code).toBe('NOT_FOUND');
      expect((await em().findOneOrFail(Member, { id: memberId })).status).toBe('active');
    });
  });
});
