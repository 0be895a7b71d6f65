import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalEntry, OneTimeCode, OutboxMessage, Session, User } from '@orgcard/db';
import { toFormErrors } from '../src/forms.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import {
  failureOf,
  freshBrowser,
  lastCodeSent,
  messagesSent,
  newPerson,
  signUp,
} from './support/identity.ts';

describe('signing up', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates the person unconfirmed, sends an SMS and an email code, and signs them in', async () => {
    const browser = freshBrowser(app);
    const person = await signUp(browser);

    const user = await em().findOneOrFail(User, { email: person.email });
    expect(user).toMatchObject({
      fullName: person.fullName,
      phone: person.phone,
      secondFactor: 'sms',
    });
    expect(user.phoneConfirmedAt).toBeNull();
    expect(user.emailConfirmedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$scrypt\$/);
    expect(await messagesSent(app, person.phone, 'phone-code')).toBe(1);
    expect(await messagesSent(app, person.email, 'email-code')).toBe(1);
    expect(browser.sessionToken).toMatch(/^[\w-]{43}$/);
    const me = await browser.caller().auth.me();
    expect(me?.user).toMatchObject({
      email: person.email,
      phoneConfirmed: false,
      emailConfirmed: false,
    });
  });

  it('stores only hashes of the codes and of the session token', async () => {
    const browser = freshBrowser(app);
    const person = await signUp(browser);
    const user = await em().findOneOrFail(User, { email: person.email });
    const code = await lastCodeSent(app, person.phone, 'phone-code');

    const stored = await em().findOneOrFail(OneTimeCode, {
      subjectId: user.id,
      purpose: 'confirm_phone',
    });
    expect(stored.codeHash).not.toContain(code);
    const session = await em().findOneOrFail(Session, { userId: user.id });
    expect(session.tokenHash).not.toBe(browser.sessionToken);
  });

  it('puts a confirmation link into the email', async () => {
    const person = await signUp(freshBrowser(app));
    const rows = await em().find(OutboxMessage, { queue: 'notifications' });
    const email = rows.find((row) => row.payload.to === person.email);

    expect((email?.payload.data as Record<string, string>).link).toBe(
      'http://localhost:3000/signup/confirm',
    );
  });

  it('lower-cases the email and reads a phone typed the Russian way', async () => {
    const person = await signUp(freshBrowser(app), {
      email: 'Pavel.Smirnov@Example.RU',
      phone: '8 (912) 345-67-89',
    });
    const user = await em().findOneOrFail(User, { email: 'pavel.smirnov@example.ru' });

    expect(user.phone).toBe('+79123456789');
    expect(person.email).not.toBe(user.email);
  });

  it('also reads "+7 912 345 67 89"', async () => {
    const person = newPerson({ phone: '+7 912 345 67 80' });
    await freshBrowser(app).caller().auth.signUp(person);

    expect((await em().findOneOrFail(User, { email: person.email })).phone).toBe('+79123456780');
  });

  it('names the phone rule in Russian', async () => {
    const error = await failureOf(
      freshBrowser(app)
        .caller()
        .auth.signUp(newPerson({ phone: '12345' })),
    );

    expect(toFormErrors(error)?.fieldErrors.phone).toEqual(['Телефон: нужен формат +7 и 10 цифр']);
  });

  it('lists every broken password rule in Russian', async () => {
    const error = await failureOf(
      freshBrowser(app)
        .caller()
        .auth.signUp(newPerson({ password: 'пароль' })),
    );

    expect(toFormErrors(error)?.fieldErrors.password).toEqual([
      'Пароль: не короче 12 символов',
      'Пароль: нужна заглавная буква',
      'Пароль: нужна цифра',
      'Пароль: нужен знак, не буква и не цифра (например, ! или пробел)',
    ]);
  });

  it('refuses a password that contains the email', async () => {
    const person = newPerson({ email: 'kirill@example.ru', password: 'Kirill-2026-пароль' });
    const error = await failureOf(freshBrowser(app).caller().auth.signUp(person));

    expect(toFormErrors(error)?.fieldErrors.password).toEqual([
      'Пароль: не должен содержать адрес почты',
    ]);
  });

  it('refuses a taken email on the email field and writes nothing', async () => {
    const first = await signUp(freshBrowser(app));
    const users = await em().count(User);
    const messages = await em().count(OutboxMessage);
    const journal = await em().count(JournalEntry);

    const error = await failureOf(
      freshBrowser(app)
        .caller()
        .auth.signUp(newPerson({ email: first.email.toUpperCase() })),
    );

    expect(toFormErrors(error)?.fieldErrors.email).toEqual([
      'Почта: этот адрес уже зарегистрирован. Войдите или укажите другой.',
    ]);
    expect(await em().count(User)).toBe(users);
    expect(await em().count(OutboxMessage)).toBe(messages);
    expect(await em().count(JournalEntry)).toBe(journal);
  });

  it('confirms the phone and the email with the codes sent to them', async () => {
    const browser = freshBrowser(app);
    const person = await signUp(browser);

    await browser
      .caller()
      .auth.confirmPhone({ code: await lastCodeSent(app, person.phone, 'phone-code') });
    await browser
      .caller()
      .auth.confirmEmail({ code: await lastCodeSent(app, person.email, 'email-code') });

    const me = await browser.caller().auth.me();
    expect(me?.user).toMatchObject({ phoneConfirmed: true, emailConfirmed: true });
  });

  it('does not take the email code for the phone', async () => {
    const browser = freshBrowser(app);
    const person = await signUp(browser);
    const emailCode = await lastCodeSent(app, person.email, 'email-code');
    const phoneCode = await lastCodeSent(app, person.phone, 'phone-code');

    // Six random digits could coincide; then there is nothing to prove.
    if (emailCode !== phoneCode) {
      const error = await failureOf(browser.caller().auth.confirmPhone({ code: emailCode }));
      expect(toFormErrors(error)?.fieldErrors.code).toEqual(['Код: неверный код.']);
    }
    expect((await browser.caller().auth.me())?.user.phoneConfirmed).toBe(false);
  });

  it('allows five tries of a code, then asks for a new one', async () => {
    const browser = freshBrowser(app);
    const person = await signUp(browser);
    const code = await lastCodeSent(app, person.phone, 'phone-code');
    const wrong = code === '000000' ? '111111' : '000000';

    for (let attempt = 0; attempt < 5; attempt++) {
      await failureOf(browser.caller().auth.confirmPhone({ code: wrong }));
    }
    const error = await failureOf(browser.caller().auth.confirmPhone({ code }));

    expect(toFormErrors(error)?.fieldErrors.code).toEqual([
      'Код: попытки исчерпаны, запросите новый.',
    ]);
  });

  it('sends a new code at most once a minute', async () => {
    const browser = freshBrowser(app);
    const person = await signUp(browser);

    const early = await failureOf(browser.caller().auth.resendCode({ purpose: 'phone' }));
    expect(early.message).toMatch(/^Новый код можно запросить через \d+ с\.$/);

    await em().nativeUpdate(
      OneTimeCode,
      { destination: person.phone },
      { sentAt: new Date(Date.now() - 61_000) },
    );
    await browser.caller().auth.resendCode({ purpose: 'phone' });
    expect(await messagesSent(app, person.phone, 'phone-code')).toBe(2);
  });

  it('limits sign-ups from one address to ten an hour', async () => {
    const browser = freshBrowser(app);
    for (let count = 0; count < 10; count++) await signUp(browser);

    const error = await failureOf(signUp(browser));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toBe('Слишком много попыток. Попробуйте позже.');
  });

  it('refuses the confirmation procedures without a session', async () => {
    const error = await failureOf(app.caller().auth.confirmPhone({ code: '123456' }));

    expect(error.code).toBe('UNAUTHORIZED');
  });

  it('journals the sign-up in the platform chain', async () => {
    const person = await signUp(freshBrowser(app));
    const user = await em().findOneOrFail(User, { email: person.email });
    const entry = await em().findOneOrFail(JournalEntry, {
      actorId: user.id,
      action: 'auth.sign_up',
    });

    expect(entry).toMatchObject({ organisationId: null, actorKind: 'user', outcome: 'success' });
  });
});
