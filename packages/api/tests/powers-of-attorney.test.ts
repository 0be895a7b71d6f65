import { DOMParser } from '@xmldom/xmldom';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalEntry, Member, OneTimeCode, PowerOfAttorney } from '@orgcard/db';
import { toFormErrors } from '../src/forms.ts';
import {
  escapeXmlAttribute,
  renderPowerOfAttorneyXml,
} from '../src/powers/power-of-attorney-xml.ts';
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

const day = 24 * 3600_000;

describe('powers of attorney', () => {
  let app: TestApp;
  let head: Person;
  let organisationId: string;
  const em = () => app.services.orm.em.fork();

  /** Makes a member of the organisation directly, as a finished invitation would. */
  async function member(name: string, role: Member['role']) {
    const person = await personWithSession(app, name);
    const fork = em();
    const created = fork.create(Member, { organisationId, userId: person.user.id, role });
    await fork.flush();

    return { person, memberId: created.id };
  }

  /** Drafts a power as the head; returns its id and the code texted to the head. */
  async function draft(representativeMemberId: string, scopes: PowerOfAttorney['scopes']) {
    const { powerId } = await head.caller().powers.create({
      organisationId,
      representativeMemberId,
      scopes,
      validFrom: new Date(Date.now() - day),
      validTo: new Date(Date.now() + 30 * day),
    });
    const sms = await lastMessageTo(app, head.user.phone);
    expect(sms.template).toBe('power-of-attorney-code');

    return { powerId, code: sms.data.code ?? '' };
  }

  async function grant(representativeMemberId: string, scopes: PowerOfAttorney['scopes']) {
    const { powerId, code } = await draft(representativeMemberId, scopes);
    await head.caller().powers.sign({ organisationId, powerId, code });

    return powerId;
  }

  beforeAll(async () => {
    app = await createTestApp();
    head = await personWithSession(app, 'Иванов Иван Иванович', { phone: '+79001112233' });
    organisationId = await registerOrganisationAs(head, {
      fullName: 'Общество с ограниченной ответственностью "Ромашка" & партнёры',
      inn: '7707083893',
      ogrn: '1027700132195',
      kpp: '773601001',
    });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('drafting and signing', () => {
    it('grants nothing until the head signs it with the code from the SMS', async () => {
      const { memberId } = await member('Петрова Ольга Сергеевна', 'employee');

      const { powerId, code } = await draft(memberId, ['make_payments']);
      const drafted = await em().findOneOrFail(PowerOfAttorney, { id: powerId });
      await head.caller().powers.sign({ organisationId, powerId, code });
      const signed = await em().findOneOrFail(PowerOfAttorney, { id: powerId });

      expect(drafted).toMatchObject({ status: 'awaiting_signature', signedAt: null });
      expect(signed).toMatchObject({ status: 'active', signatureMethod: 'code' });
      expect(signed.signedAt).toBeInstanceOf(Date);
      const actions = await em().find(JournalEntry, { organisationId, targetId: powerId });
      expect(actions.map((entry) => entry.action)).toEqual([
        'power_of_attorney.created',
        'power_of_attorney.signed',
      ]);
    });

    it('counts a wrong code as a try and keeps the power unsigned', async () => {
      const { memberId } = await member('Неточный Николай', 'employee');
      const { powerId, code } = await draft(memberId, ['export']);
      const wrong = code === '000000' ? '000001' : '000000';

      const error = await failureOf(
        head.caller().powers.sign({ organisationId, powerId, code: wrong }),
      );

      expect(toFormErrors(error)?.fieldErrors).toEqual({ code: ['Код: неверный код.'] });
      const issued = await em().findOneOrFail(OneTimeCode, { subjectId: powerId });
      expect(issued.attempts).toBe(1);
      expect((await em().findOneOrFail(PowerOfAttorney, { id: powerId })).status).toBe(
        'awaiting_signature',
      );
    });

    it('uses the signing code once', async () => {
      const { memberId } = await member('Однократный Олег', 'employee');
      const { powerId, code } = await draft(memberId, ['export']);
      await head.caller().powers.sign({ organisationId, powerId, code });

      const again = await failureOf(head.caller().powers.sign({ organisationId, powerId, code }));

      expect(again.code).toBe('PRECONDITION_FAILED');
      const issued = await em().findOneOrFail(OneTimeCode, { subjectId: powerId });
      expect(issued.consumedAt).toBeInstanceOf(Date);
    });

    it('keeps the amount ceiling as exact kopecks', async () => {
      const { memberId } = await member('Кассир Ксения', 'accountant');

      const { powerId } = await head.caller().powers.create({
        organisationId,
        representativeMemberId: memberId,
        scopes: ['make_payments'],
        amountCeilingKopecks: '900719925474099199',
        validFrom: new Date(),
        validTo: new Date(Date.now() + day),
      });

      const stored = await em().findOneOrFail(PowerOfAttorney, { id: powerId });
      expect(stored.amountCeilingKopecks).toBe(900719925474099199n);
      const listed = await head.caller().powers.list({ organisationId });
      expect(listed.find((power) => power.id === powerId)?.amountCeilingKopecks).toBe(
        '900719925474099199',
      );
    });

    it('refuses a validity that ends before it starts, on the end date', async () => {
      const { memberId } = await member('Временный Тимур', 'employee');

      const error = await failureOf(
        head.caller().powers.create({
          organisationId,
          representativeMemberId: memberId,
          scopes: ['export'],
          validFrom: new Date(Date.now() + 2 * day),
          validTo: new Date(Date.now() + day),
        }),
      );

      expect(toFormErrors(error)?.fieldErrors).toEqual({
        validTo: ['Действует до: должна быть позже даты начала'],
      });
      expect(await em().count(PowerOfAttorney, { representativeMemberId: memberId })).toBe(0);
    });

    it('is granted only by the head, even to an administrator asking', async () => {
      const { person: administrator } = await member('Админ Алла', 'administrator');
      const { memberId } = await member('Получатель Павел', 'employee');

      const error = await failureOf(
        administrator.caller().powers.create({
          organisationId,
          representativeMemberId: memberId,
          scopes: ['manage_members'],
          validFrom: new Date(),
          validTo: new Date(Date.now() + day),
        }),
      );

      expect(error.code).toBe('FORBIDDEN');
    });
  });

  describe('acting under a power of attorney', () => {
    it('journals an invitation by an employee as made on behalf of the head', async () => {
      const { person: employee, memberId } = await member('Сотрудник Сергей', 'employee');
      const denied = await failureOf(
        employee
          .caller()
          .members.invite({ organisationId, email: 'a@example.ru', role: 'auditor' }),
      );
      const powerId = await grant(memberId, ['manage_members']);

      const { invitationId } = await employee
        .caller()
        .members.invite({ organisationId, email: 'new.auditor@example.ru', role: 'auditor' });

      expect(denied.code).toBe('FORBIDDEN');
      const entry = await em().findOneOrFail(JournalEntry, {
        organisationId,
        action: 'member.invited',
        targetId: invitationId,
      });
      expect(entry).toMatchObject({
        actorId: employee.user.id,
        actorName: 'Сотрудник Сергей',
        onBehalfOfId: head.user.id,
        onBehalfOfName: 'Иванов Иван Иванович',
      });
      expect(entry.details).toMatchObject({ powerOfAttorneyId: powerId });
    });

    it('stops working the moment it is revoked', async () => {
      const { person: employee, memberId } = await member('Отозванный Остап', 'employee');
      const powerId = await grant(memberId, ['manage_members']);
      await employee
        .caller()
        .members.invite({ organisationId, email: 'before@example.ru', role: 'employee' });

      await head.caller().powers.revoke({ organisationId, powerId, reason: 'Перевод в филиал' });

      const after = await failureOf(
        employee
          .caller()
          .members.invite({ organisationId, email: 'after@example.ru', role: 'employee' }),
      );
      expect(after.code).toBe('FORBIDDEN');
      expect(await em().findOneOrFail(PowerOfAttorney, { id: powerId })).toMatchObject({
        status: 'revoked',
        revocationReason: 'Перевод в филиал',
      });
      const notice = await lastMessageTo(app, employee.user.email);
      expect(notice).toMatchObject({ template: 'power-of-attorney-revoked' });
    });

    it('ends with the membership of its representative', async () => {
      const { memberId } = await member('Исключённый Игорь', 'employee');
      const powerId = await grant(memberId, ['sign_documents']);

      await head.caller().members.remove({ organisationId, memberId });

      expect((await em().findOneOrFail(PowerOfAttorney, { id: powerId })).status).toBe('revoked');
    });

    it('is shown in the representative’s permissions only while signed and in force', async () => {
      const { person: employee, memberId } = await member('Права Пелагея', 'employee');
      const permissionsOf = async () =>
        (await employee.caller().organisations.get({ organisationId })).permissions;
      const { powerId, code } = await draft(memberId, ['manage_cards']);

      const unsigned = await permissionsOf();
      await head.caller().powers.sign({ organisationId, powerId, code });
      const signed = await permissionsOf();

      expect(unsigned).not.toContain('cards.manage');
      expect(signed).toContain('cards.manage');
    });
  });

  describe('the XML document', () => {
    it('describes principal, representative, powers and validity, and journals the reading', async () => {
      const { memberId } = await member('Петрова Ольга Сергеевна', 'accountant');
      const { powerId, code } = await draft(memberId, ['make_payments', 'export']);
      await head.caller().powers.sign({ organisationId, powerId, code });

      const { fileName, xml } = await head.caller().powers.exportXml({ organisationId, powerId });

      expect(fileName).toBe(`doverennost-${powerId}.xml`);
      const document = new DOMParser().parseFromString(xml, 'text/xml');
      const one = (name: string) => document.getElementsByTagName(name)[0]!;
      expect(document.documentElement?.tagName).toBe('Доверенность');
      expect(one('СвДов').getAttribute('НомДовер')).toBe(powerId);
      expect(one('СвДов').getAttribute('ДатаКонДовер')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(one('СвРосОрг').getAttribute('НаимОрг')).toBe(
        'Общество с ограниченной ответственностью "Ромашка" & партнёры',
      );
      expect(one('СвРосОрг').getAttribute('ИННЮЛ')).toBe('7707083893');
      expect(one('СвРосОрг').getAttribute('ОГРН')).toBe('1027700132195');
      expect(one('СвРосОрг').getAttribute('КПП')).toBe('773601001');
      const headName = one('ЛицоБезДов').getElementsByTagName('ФИО')[0]!;
      expect(headName.getAttribute('Фамилия')).toBe('Иванов');
      expect(headName.getAttribute('Отчество')).toBe('Иванович');
      const representative = one('Пред').getElementsByTagName('ФИО')[0]!;
      expect(representative.getAttribute('Имя')).toBe('Ольга');
      const powers = Array.from(document.getElementsByTagName('МашПолн'));
      expect(powers.map((power) => power.getAttribute('НаимПолн'))).toEqual([
        'Совершать платежи по мобильной карте организации',
        'Выгружать операции организации для бухгалтерского учёта',
      ]);
      expect(document.getElementsByTagName('ОгрСумм')).toHaveLength(0);
      const viewed = await em().find(JournalEntry, {
        organisationId,
        action: 'power_of_attorney.viewed',
        targetId: powerId,
      });
      expect(viewed).toEqual([expect.objectContaining({ actorId: head.user.id })]);
    });

    it('is not produced before the power is signed', async () => {
      const { memberId } = await member('Неподписанный Наум', 'employee');
      const { powerId } = await draft(memberId, ['export']);

      const error = await failureOf(head.caller().powers.exportXml({ organisationId, powerId }));

      expect(error.code).toBe('PRECONDITION_FAILED');
    });

    it('escapes markup and writes the amount ceiling in roubles from exact kopecks', () => {
      const xml = renderPowerOfAttorneyXml({
        number: '00000000-0000-4000-8000-000000000000',
        signedAt: new Date('2026-03-01T09:00:00Z'),
        validFrom: new Date('2026-02-28T21:00:00Z'), // 1 March in Moscow
        validTo: new Date('2027-02-28T20:59:59Z'),
        principal: {
          organisationName: 'ООО "<Тест>" & \'Ко\'\u0001',
          inn: '7707083893',
          ogrn: '1027700132195',
          kpp: '773601001',
          headFullName: 'Иванов Иван',
        },
        representativeFullName: 'Петрова\nОльга',
        scopes: ['make_payments'],
        amountCeilingKopecks: 1_500_005n,
      });

      const document = new DOMParser().parseFromString(xml, 'text/xml');
      const attribute = (element: string, name: string) =>
        document.getElementsByTagName(element)[0]!.getAttribute(name);
      expect(attribute('СвРосОрг', 'НаимОрг')).toBe('ООО "<Тест>" & \'Ко\'');
      // The parser is lenient with a bare '&', so the escaping itself is checked too.
      expect(xml).toContain('НаимОрг="ООО &quot;&lt;Тест&gt;&quot; &amp; &apos;Ко&apos;"');
      expect(escapeXmlAttribute('строка 1\nстрока\t2')).toBe('строка 1&#10;строка&#9;2');
      expect(attribute('СвДов', 'ДатаНачДейст')).toBe('2026-03-01');
      expect(attribute('СвДов', 'ДатаКонДовер')).toBe('2027-02-28');
      expect(attribute('ОгрСумм', 'Сумма')).toBe('15000.05');
      expect(attribute('ОгрСумм', 'Валюта')).toBe('643');
      const representative = document
        .getElementsByTagName('Пред')[0]!
        .getElementsByTagName('ФИО')[0]!;
      expect(representative.getAttribute('Фамилия')).toBe('Петрова');
      expect(representative.getAttribute('Имя')).toBe('Ольга');
      expect(representative.hasAttribute('Отчество')).toBe(false);
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    });
  });
});
