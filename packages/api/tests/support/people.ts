import { randomBytes, randomInt } from 'node:crypto';
import {
  Member,
  Operator,
  Organisation,
  User,
  type EntityManager,
  type MemberRole,
} from '@orgcard/db';
import { startSession } from '../../src/auth/start-session.ts';
import type { TestApp } from '../../src/testing/index.ts';

// People and organisations made directly with entities, so tests of one area do not depend on
// the sign-up and membership procedures of another.

/** A ten-digit organisation INN with a correct control digit. */
function organisationInn(): string {
  const digits = Array.from({ length: 9 }, () => randomInt(10));
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = digits.reduce((total, digit, index) => total + digit * (weights[index] ?? 0), 0);

  return [...digits, (sum % 11) % 10].join('');
}

/** Opens a session the way sign-in does and returns the cookie's value. */
async function openSession(
  em: EntityManager,
  who: Parameters<typeof startSession>[2],
): Promise<string> {
  let token = '';
  const cookies = { set: (value: string) => void (token = value), clear: () => {} };
  const request = { requestId: 'test', ip: '127.0.0.1', userAgent: 'vitest', sessionToken: null };
  startSession(em, { request, cookies }, who);
  await em.flush();

  return token;
}

export async function createOrganisation(app: TestApp, shortName: string): Promise<Organisation> {
  const em = app.services.orm.em.fork();
  const organisation = em.create(Organisation, {
    type: 'LLC',
    fullName: `Общество с ограниченной ответственностью «${shortName}»`,
    shortName: `ООО «${shortName}»`,
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

export interface SignedInPerson {
  user: User;
  /** The session cookie's value. */
  token: string;
}

/** A person with an account and an open session, as if they had just signed in. */
export async function signedInPerson(app: TestApp, fullName: string): Promise<SignedInPerson> {
  const em = app.services.orm.em.fork();
  const user = em.create(User, {
    fullName,
    email: `person-${randomBytes(6).toString('hex')}@example.ru`,
    phone: '+79990000001',
    passwordHash: 'not-a-real-hash',
    passwordChangedAt: new Date(),
  });
  await em.flush();

  return { user, token: await openSession(em, { kind: 'user', userId: user.id }) };
}

/** A platform operator with an open session. */
export async function signedInOperator(
  app: TestApp,
): Promise<{ operator: Operator; token: string }> {
  const em = app.services.orm.em.fork();
  const operator = em.create(Operator, {
    fullName: 'Ольга Операторова',
    email: `operator-${randomBytes(6).toString('hex')}@example.ru`,
    phone: '+79990000002',
    passwordHash: 'not-a-real-hash',
  });
  await em.flush();

  return { operator, token: await openSession(em, { kind: 'operator', operatorId: operator.id }) };
}

export async function addMember(
  app: TestApp,
  organisation: Organisation,
  person: SignedInPerson,
  role: MemberRole,
  status: Member['status'] = 'active',
): Promise<Member> {
  const em = app.services.orm.em.fork();
  const member = em.create(Member, {
    organisationId: organisation.id,
    userId: person.user.id,
    role,
    status,
  });
  await em.flush();

  return member;
}
