import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { OutboxMessage, User } from '@orgcard/db';
import { startSession } from '../../src/auth/start-session.ts';
import type { Caller, TestApp } from '../../src/testing/index.ts';

// People made directly with entities, so the organisation tests do not depend on the sign-up
// procedures; organisations are then registered through the real procedures.

export interface Person {
  user: User;
  /** A caller carrying this person's session cookie. */
  caller(): Caller;
}

export interface PersonOptions {
  email?: string;
  phone?: string;
  phoneConfirmed?: boolean;
}

/** A person with an account (email and phone confirmed unless said otherwise) and a session. */
export async function personWithSession(
  app: TestApp,
  fullName: string,
  options: PersonOptions = {},
): Promise<Person> {
  const em = app.services.orm.em.fork();
  const now = new Date();
  const user = em.create(User, {
    id: randomUUID(),
    fullName,
    email: options.email ?? `person-${randomBytes(6).toString('hex')}@example.ru`,
    phone: options.phone ?? `+7900${randomInt(1_000_000, 9_999_999)}`,
    passwordHash: 'not-a-real-hash',
    passwordChangedAt: now,
    emailConfirmedAt: now,
    phoneConfirmedAt: options.phoneConfirmed === false ? null : now,
  });
  let token = '';
  const cookies = { set: (value: string) => void (token = value), clear: () => {} };
  const request = { requestId: 'test', ip: '127.0.0.1', userAgent: 'vitest', sessionToken: null };
  startSession(em, { request, cookies }, { kind: 'user', userId: user.id });
  await em.flush();

  return { user, caller: () => app.caller({ sessionToken: token }) };
}

/** A ten-digit organisation INN with a correct control digit (FNS weights). */
export function randomOrganisationInn(): string {
  const digits = Array.from({ length: 9 }, () => randomInt(10));
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = digits.reduce((total, digit, index) => total + digit * (weights[index] ?? 0), 0);

  return [...digits, (sum % 11) % 10].join('');
}

/** A complete, valid registration form; Sberbank's OGRN and KPP stand in for any real ones. */
export function registrationForm(overrides: Record<string, string> = {}) {
  return {
    type: 'LLC' as const,
    fullName: 'Общество с ограниченной ответственностью "Василёк"',
    shortName: 'ООО "Василёк"',
    inn: randomOrganisationInn(),
    ogrn: '1027700132195',
    kpp: '773601001',
    legalAddress: '117312, г. Москва, ул. Вавилова, д. 19',
    postalAddress: '117312, г. Москва, ул. Вавилова, д. 19',
    email: 'office@vasilek.example.ru',
    phone: '+74955005550',
    ...overrides,
  };
}

/** Registers an organisation through the procedure; the person becomes its head. */
export async function registerOrganisationAs(
  person: Person,
  overrides: Record<string, string> = {},
): Promise<string> {
  const { organisationId } = await person
    .caller()
    .organisations.register(registrationForm(overrides));

  return organisationId;
}

/** The data of the latest message queued for an address or a phone, as the worker gets it. */
export async function lastMessageTo(
  app: TestApp,
  to: string,
): Promise<{ template: string; data: Record<string, string> }> {
  const rows = await app.services.orm.em
    .fork()
    .find(OutboxMessage, { queue: 'notifications' }, { orderBy: { createdAt: 'desc' } });
  const row = rows.find((candidate) => candidate.payload.to === to);
  if (!row) throw new Error(`no message queued for ${to}`);

  return row.payload as { template: string; data: Record<string, string> };
}
