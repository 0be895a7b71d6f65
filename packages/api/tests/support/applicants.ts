import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import {
  Member,
  OutboxMessage,
  Organisation,
  User,
  type DocumentKind,
  type EntityManager,
  type MemberRole,
  type Orm,
} from '@orgcard/db';
import { startSession } from '../../src/auth/start-session.ts';
import { receiveBankConfirmation, signBankDelivery } from '../../src/applications/bank-webhook.ts';
import type { Caller, TestApp } from '../../src/testing/index.ts';

// Organisations, people and sessions made directly with entities, so the application tests
// depend on neither the sign-up nor the membership procedures.

/** A ten-digit organisation INN with a correct control digit. */
function organisationInn(): string {
  const digits = Array.from({ length: 9 }, () => randomInt(10));
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = digits.reduce((total, digit, index) => total + digit * (weights[index] ?? 0), 0);

  return [...digits, (sum % 11) % 10].join('');
}

async function openSession(em: EntityManager, userId: string): Promise<string> {
  let token = '';
  const cookies = { set: (value: string) => void (token = value), clear: () => {} };
  const request = { requestId: 'test', ip: '127.0.0.1', userAgent: 'vitest', sessionToken: null };
  startSession(em, { request, cookies }, { kind: 'user', userId });
  await em.flush();

  return token;
}

export interface Person {
  user: User;
  member: Member;
  /** The session cookie's value. */
  token: string;
  /** Calls procedures as this person, signed in. */
  caller(): Caller;
}

/** Anything that holds the ORM: a test app, or a running system's database. */
interface HasOrm {
  orm: Orm;
}

export async function makeOrganisation(
  app: TestApp | { services: HasOrm },
  type: 'LLC' | 'NPO',
  name: string,
) {
  const em = app.services.orm.em.fork();
  const organisation = em.create(Organisation, {
    type,
    fullName: type === 'LLC' ? `ООО «${name}»` : `АНО «${name}»`,
    shortName: type === 'LLC' ? `ООО «${name}»` : `АНО «${name}»`,
    inn: organisationInn(),
    ogrn: '1027700132195',
    kpp: '770101001',
    legalAddress: 'г. Москва, ул. Тверская, д. 1',
    postalAddress: 'г. Москва, ул. Тверская, д. 1',
    email: `office-${randomBytes(4).toString('hex')}@example.ru`,
    phone: '+79990000000',
  });
  await em.flush();

  return organisation;
}

/** A person with an account, a membership with `role` and an open session, made in `orm`. */
export async function makeMember(
  orm: Orm,
  organisation: Organisation,
  role: MemberRole,
  fullName = `Участник (${role})`,
): Promise<Omit<Person, 'caller'>> {
  const em = orm.em.fork();
  const user = em.create(User, {
    id: randomUUID(),
    fullName,
    email: `person-${randomBytes(6).toString('hex')}@example.ru`,
    phone: `+7999${String(randomInt(10_000_000)).padStart(7, '0')}`,
    passwordHash: 'not-a-real-hash',
    passwordChangedAt: new Date(),
    emailConfirmedAt: new Date(),
    phoneConfirmedAt: new Date(),
  });
  const member = em.create(Member, { organisationId: organisation.id, userId: user.id, role });
  await em.flush();

  return { user, member, token: await openSession(em, user.id) };
}

/** `makeMember` in a test app, with a caller signed in as that person. */
export async function makePerson(
  app: TestApp,
  organisation: Organisation,
  role: MemberRole,
  fullName?: string,
): Promise<Person> {
  const person = await makeMember(app.services.orm, organisation, role, fullName);

  return { ...person, caller: () => app.caller({ sessionToken: person.token }) };
}

/** An organisation with a head, an administrator and an accountant. */
export async function organisationWithStaff(
  app: TestApp,
  type: 'LLC' | 'NPO' = 'LLC',
  name = 'Ромашка',
) {
  const organisation = await makeOrganisation(app, type, name);

  return {
    organisation,
    head: await makePerson(app, organisation, 'head', 'Анна Руководитель'),
    administrator: await makePerson(app, organisation, 'administrator', 'Борис Администратор'),
    accountant: await makePerson(app, organisation, 'accountant', 'Вера Бухгалтер'),
  };
}

// The smallest files each format accepts, judged by their first bytes.
export const samplePdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
);
export const sampleJpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00,
]);
export const samplePng = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
]);

/** A file of `size` bytes that is a PDF by its header. */
export function pdfOfSize(size: number): Buffer {
  const file = Buffer.alloc(size, 0x20);
  samplePdf.copy(file, 0, 0, Math.min(size, samplePdf.length));

  return file;
}

/** Fills the form: purpose, the person as holder, department, the first tariff of the type. */
export async function fillForm(person: Person, organisationId: string, applicationId: string) {
  const view = await person.caller().applications.get({ organisationId, applicationId });

  return person.caller().applications.update({
    organisationId,
    applicationId,
    purpose: 'Оплата закупок отдела снабжения',
    holderMemberId: person.member.id,
    department: 'Отдел снабжения',
    tariffCode: view.tariffs[0]?.code ?? null,
    step: 'documents',
  });
}

export async function uploadKinds(
  person: Person,
  organisationId: string,
  applicationId: string,
  kinds: readonly DocumentKind[],
) {
  for (const kind of kinds) {
    await person.caller().applications.uploadDocument({
      organisationId,
      applicationId,
      kind,
      fileName: `${kind}.pdf`,
      content: samplePdf,
    });
  }
}

/** Confirms a payment of the fee as the bank does, through the webhook's own handler. */
export async function confirmPayment(
  app: TestApp,
  payment: { uin: string; amountKopecks: bigint; paymentId?: string; deliveryId?: string },
) {
  const body = JSON.stringify({
    paymentId: payment.paymentId ?? `PAY-${randomBytes(6).toString('hex')}`,
    uin: payment.uin,
    amountKopecks: payment.amountKopecks.toString(),
    paidAt: new Date().toISOString(),
  });
  const timestamp = String(Math.floor(Date.now() / 1000));

  return receiveBankConfirmation(app.services.orm.em.fork(), app.services.bankWebhookSecret, {
    deliveryId: payment.deliveryId ?? `delivery-${randomBytes(6).toString('hex')}`,
    timestamp,
    signature: signBankDelivery(app.services.bankWebhookSecret, timestamp, body),
    rawBody: Buffer.from(body),
  });
}

/** The newest code sent by SMS to a phone, read from the outbox. */
export async function lastCodeSentTo(app: TestApp, phone: string): Promise<string> {
  const messages = await app.services.orm.em
    .fork()
    .find(OutboxMessage, { queue: 'notifications' }, { orderBy: { createdAt: 'desc' } });
  const message = messages.find((row) => row.payload.to === phone);
  const code = (message?.payload.data as Record<string, string> | undefined)?.code;
  if (!code) throw new Error(`no code was sent to ${phone}`);

  return code;
}

/**
 * Takes an application from nothing to complete and paid: form, every required document, the
 * fee charged and confirmed by the bank.
 */
export async function completePaidApplication(
  app: TestApp,
  person: Person,
  organisationId: string,
) {
  const created = await person.caller().applications.create({ organisationId });
  const applicationId = created.id;
  await fillForm(person, organisationId, applicationId);
  const view = await person.caller().applications.get({ organisationId, applicationId });
  await uploadKinds(person, organisationId, applicationId, view.requiredKinds);
  const order = await person.caller().applications.fee({ organisationId, applicationId });
  await confirmPayment(app, { uin: order.uin, amountKopecks: order.amountKopecks });

  return { applicationId, order };
}
