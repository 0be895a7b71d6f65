import { randomBytes } from 'node:crypto';
import { OutboxMessage } from '@orgcard/db';
import type { TestApp, TestBrowser } from '../../src/testing/index.ts';

// Helpers of the identity tests: people sign up and sign in through the procedures themselves,
// and read their codes where the worker would pick them up (the outbox).

/** A browser from an address of its own, so per-address limits of one test don't touch another. */
export function freshBrowser(app: TestApp): TestBrowser {
  const octet = () => 1 + Math.floor(Math.random() * 254);

  return app.browser(`10.${octet()}.${octet()}.${octet()}`);
}

export const strongPassword = 'Длинный-пароль-2026';

export interface NewPerson {
  fullName: string;
  email: string;
  phone: string;
  password: string;
}

export function newPerson(overrides: Partial<NewPerson> = {}): NewPerson {
  return {
    fullName: 'Анна Сергеевна Иванова',
    email: `anna-${randomBytes(5).toString('hex')}@example.ru`,
    phone: `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    password: strongPassword,
    ...overrides,
  };
}

/** The code in the newest message of a template sent to an address or phone. */
export async function lastCodeSent(app: TestApp, to: string, template: string): Promise<string> {
  const rows = await app.services.orm.em
    .fork()
    .find(
      OutboxMessage,
      { queue: 'notifications' },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
  const message = rows.find((row) => row.payload.to === to && row.payload.template === template);
  const data = message?.payload.data as Record<string, string> | undefined;
  if (!data?.code) throw new Error(`no ${template} message to ${to}`);

  return data.code;
}

/** Counts messages of a template sent to an address or phone. */
export async function messagesSent(app: TestApp, to: string, template: string): Promise<number> {
  const rows = await app.services.orm.em.fork().find(OutboxMessage, { queue: 'notifications' });

  return rows.filter((row) => row.payload.to === to && row.payload.template === template).length;
}

/** Signs a new person up in this browser; they are signed in afterwards. */
export async function signUp(browser: TestBrowser, overrides: Partial<NewPerson> = {}) {
  const person = newPerson(overrides);
  await browser.caller().auth.signUp(person);

  return person;
}

/** Both steps of signing in with an SMS code, in this browser. */
export async function signIn(
  app: TestApp,
  browser: TestBrowser,
  person: Pick<NewPerson, 'email' | 'password' | 'phone'>,
): Promise<void> {
  const { challengeId } = await browser.caller().auth.signIn({
    email: person.email,
    password: person.password,
  });
  const code = await lastCodeSent(app, person.phone, 'sign-in-code');
  await browser.caller().auth.completeSignIn({ challengeId, code });
}

/** The error a call ends with, to assert on; fails the test if the call succeeds. */
export async function failureOf(call: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('the call was expected to fail');
}
