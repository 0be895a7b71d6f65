import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalEntry, Member, Organisation } from '@orgcard/db';
import { toFormErrors } from '../src/forms.ts';
import { verifyJournal } from '../src/journal/verify-journal.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import {
  personWithSession,
  randomOrganisationInn,
  registerOrganisationAs,
  registrationForm,
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

describe('organisations', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('registration', () => {
    it('makes the registering person its head and leaves it pending confirmation', async () => {
      const anna = await personWithSession(app, 'Смирнова Анна Петровна');
      const form = registrationForm({
        email: 'Office@Vasilek.Example.ru',
        phone: '8 495 500-55-50',
      });

      const { organisationId } = await anna.caller().organisations.register(form);

      const organisation = await em().findOneOrFail(Organisation, { id: organisationId });
      expect(organisation).toMatchObject({
        inn: form.inn,
        status: 'pending_confirmation',
        email: 'office@vasilek.example.ru',
        phone: '+74955005550',
        idleTimeoutMinutes: 15,
      });
      const members = await em().find(Member, { organisationId });
      expect(members).toEqual([expect.objectContaining({ userId: anna.user.id, role: 'head' })]);
      const journal = await em().find(JournalEntry, { organisationId });
      expect(journal).toEqual([
        expect.objectContaining({
          action: 'organisation.registered',
          actorId: anna.user.id,
          targetId: organisationId,
        }),
      ]);
      expect(await verifyJournal(em(), organisationId)).toEqual({ ok: true, entries: 1 });
    });

    it('asks for a confirmed phone first', async () => {
      const unconfirmed = await personWithSession(app, 'Орлов Олег', { phoneConfirmed: false });
      const form = registrationForm();

      const error = await failureOf(unconfirmed.caller().organisations.register(form));

      expect(error.code).toBe('PRECONDITION_FAILED');
      expect(error.message).toBe('Сначала подтвердите телефон.');
      expect(await em().count(Organisation, { inn: form.inn })).toBe(0);
    });

    it('names every wrong field and its rule in Russian, for the form', async () => {
      const anna = await personWithSession(app, 'Смирнова Анна');
      const form = registrationForm({
        inn: '7707083894',
        ogrn: '1027700132196',
        kpp: '7736О1001', // a Cyrillic О where a Latin letter or digit must be
        phone: '+7 495',
      });

      const errors = toFormErrors(await failureOf(anna.caller().organisations.register(form)));

      expect(errors?.fieldErrors).toEqual({
        inn: ['ИНН: неверная контрольная цифра'],
        ogrn: ['ОГРН: неверная контрольная цифра'],
        kpp: ['КПП: формат — 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры'],
        phone: ['Телефон: формат +7 и 10 цифр'],
      });
    });

    it('refuses an INN that is already registered, on the INN field', async () => {
      const first = await personWithSession(app, 'Первый Пётр');
      const second = await personWithSession(app, 'Второй Василий');
      const inn = randomOrganisationInn();
      await registerOrganisationAs(first, { inn });

      const error = await failureOf(
        second.caller().organisations.register(registrationForm({ inn })),
      );

      expect(error.code).toBe('CONFLICT');
      expect(toFormErrors(error)?.fieldErrors).toEqual({
        inn: ['ИНН: организация с таким ИНН уже зарегистрирована'],
      });
      expect(await em().count(Member, { userId: second.user.id })).toBe(0);
    });

    it('registers one INN once when two people register it at the same moment', async () => {
      const racers = await Promise.all([
        personWithSession(app, 'Гонщик Первый'),
        personWithSession(app, 'Гонщик Второй'),
      ]);
      const inn = randomOrganisationInn();

      const outcomes = await Promise.allSettled(
        racers.map((racer) => racer.caller().organisations.register(registrationForm({ inn }))),
      );

      const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const rejected = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [outcome.reason as TRPCError] : [],
      );
      expect(fulfilled).toHaveLength(1);
      expect(rejected.map((error) => [error.code, toFormErrors(error)?.fieldErrors])).toEqual([
        ['CONFLICT', { inn: ['ИНН: организация с таким ИНН уже зарегистрирована'] }],
      ]);
      const organisations = await em().find(Organisation, { inn });
      expect(organisations).toHaveLength(1);
      const organisationId = organisations[0]!.id;
      // Nothing of the losing attempt is left: one head, one journal entry.
      expect(await em().count(Member, { organisationId })).toBe(1);
      expect(await em().count(JournalEntry, { organisationId })).toBe(1);
      const racerIds = racers.map((racer) => racer.user.id);
      expect(await em().count(Member, { userId: { $in: racerIds } })).toBe(1);
    });

    it('refuses anyone not signed in', async () => {
      const error = await failureOf(app.caller().organisations.register(registrationForm()));

      expect(error.code).toBe('UNAUTHORIZED');
    });
  });

  describe('the look-up by INN with the offline registry', () => {
    it('checks the number and knows nothing more', async () => {
      const anna = await personWithSession(app, 'Смирнова Анна');

      expect(await anna.caller().organisations.lookup({ inn: '7707083893' })).toEqual({
        inn: '7707083893',
        known: false,
      });
      const error = await failureOf(anna.caller().organisations.lookup({ inn: '7707083890' }));
      expect(toFormErrors(error)?.fieldErrors).toEqual({
        inn: ['ИНН: неверная контрольная цифра'],
      });
    });
  });

  describe('the member’s view', () => {
    it('lists a person’s organisations with their role', async () => {
      const head = await personWithSession(app, 'Иванов Иван');
      const first = await registerOrganisationAs(head, { shortName: 'ООО "Альфа"' });
      const second = await registerOrganisationAs(head, { shortName: 'ООО "Бета"' });

      const mine = await head.caller().organisations.mine();

      expect(
        mine.map(({ id, shortName, role, status }) => ({ id, shortName, role, status })),
      ).toEqual([
        { id: first, shortName: 'ООО "Альфа"', role: 'head', status: 'pending_confirmation' },
        { id: second, shortName: 'ООО "Бета"', role: 'head', status: 'pending_confirmation' },
      ]);
    });

    it('shows the dashboard to a member and nothing to anyone else', async () => {
      const head = await personWithSession(app, 'Иванов Иван');
      const stranger = await personWithSession(app, 'Чужой Чеслав');
      const organisationId = await registerOrganisationAs(head);

      const dashboard = await head.caller().organisations.get({ organisationId });
      const error = await failureOf(stranger.caller().organisations.get({ organisationId }));

      expect(dashboard).toMatchObject({
        id: organisationId,
        role: 'head',
        status: 'pending_confirmation',
        activeMembers: 1,
      });
      expect(dashboard.permissions).toContain('powers.manage');
      expect(error.code).toBe('FORBIDDEN');
    });
  });

  describe('settings', () => {
    it('changes the idle timeout and journals the change', async () => {
      const head = await personWithSession(app, 'Иванов Иван');
      const organisationId = await registerOrganisationAs(head);

      await head.caller().organisations.updateSettings({ organisationId, idleTimeoutMinutes: 30 });

      const organisation = await em().findOneOrFail(Organisation, { id: organisationId });
      expect(organisation.idleTimeoutMinutes).toBe(30);
      const entry = await em().findOneOrFail(JournalEntry, {
        organisationId,
        action: 'organisation.settings_changed',
      });
      expect(entry.details).toEqual({ setting: 'idleTimeoutMinutes', from: 15, to: 30 });
    });

    it('keeps the idle timeout between 5 and 120 minutes', async () => {
      const head = await personWithSession(app, 'Иванов Иван');
      const organisationId = await registerOrganisationAs(head);
      const settings = head.caller().organisations;

      for (const idleTimeoutMinutes of [4, 121]) {
        const error = await failureOf(
          settings.updateSettings({ organisationId, idleTimeoutMinutes }),
        );

        expect(toFormErrors(error)?.fieldErrors).toEqual({
          idleTimeoutMinutes: ['Тайм-аут бездействия: от 5 до 120 минут'],
        });
      }
      const organisation = await em().findOneOrFail(Organisation, { id: organisationId });
      expect(organisation.idleTimeoutMinutes).toBe(15);
    });
  });
});
