import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totp } from '@orgcard/crypto';
import { JournalEntry, OutboxMessage, SignInChallenge, User } from '@orgcard/db';
import { toFormErrors } from '../src/forms.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { addMember, createOrganisation } from './support/people.ts';
import {
  failureOf,
  freshBrowser,
  lastCodeSent,
  messagesSent,
  signIn,
  signUp,
  type NewPerson,
} from './support/identity.ts';

const locked =
  'Вход временно заблокирован: слишком много неудачных попыток. Попробуйте снова через 15 минут.';

describe('signing in', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  /** A person who signed up in a browser that is then closed. */
  async function existingPerson(): Promise<NewPerson & { id: string }> {
    const person = await signUp(freshBrowser(app));
    const user = await em().findOneOrFail(User, { email: person.email });

    return { ...person, id: user.id };
  }

  it('asks for an SMS code after the password, then opens a session', async () => {
    const person = await existingPerson();
    const browser = freshBrowser(app);

    const started = await browser
      .caller()
      .auth.signIn({ email: person.email, password: person.password });
    expect(started).toMatchObject({
      method: 'sms',
      destination: `+7 *** ***-**-${person.phone.slice(-2)}`,
    });
    expect(browser.sessionToken).toBeNull();

    const code = await lastCodeSent(app, person.phone, 'sign-in-code');
    await expect(
      browser.caller().auth.completeSignIn({ challengeId: started.challengeId, code }),
    ).resolves.toEqual({ ok: true });
    expect((await browser.caller().auth.me())?.user.email).toBe(person.email);
  });

  it('accepts the email in any case', async () => {
    const person = await existingPerson();
    const browser = freshBrowser(app);

    await signIn(app, browser, { ...person, email: person.email.toUpperCase() });
    expect((await browser.caller().auth.me())?.user.id).toBe(person.id);
  });

  it('answers a wrong password and an unknown email with the same words', async () => {
    const person = await existingPerson();
    const browser = freshBrowser(app);

    const wrongPassword = await failureOf(
      browser.caller().auth.signIn({ email: person.email, password: 'Не-тот-пароль-1' }),
    );
    const unknownEmail = await failureOf(
      browser.caller().auth.signIn({ email: 'nobody@example.ru', password: person.password }),
    );

    expect(wrongPassword.message).toBe('Неверная почта или пароль.');
    expect(toFormErrors(unknownEmail)).toEqual(toFormErrors(wrongPassword));
    expect(unknownEmail.code).toBe(wrongPassword.code);
    expect(await messagesSent(app, person.phone, 'sign-in-code')).toBe(0);
  });

  it('journals failures: as the person when known, as a stranger with the email masked', async () => {
    const person = await existingPerson();
    await failureOf(
      freshBrowser(app).caller().auth.signIn({ email: person.email, password: 'Не-тот-пароль-1' }),
    );
    await failureOf(
      freshBrowser(app)
        .caller()
        .auth.signIn({ email: 'ghost@example.ru', password: 'Что-угодно-1' }),
    );

    const known = await em().findOneOrFail(JournalEntry, {
      actorId: person.id,
      action: 'auth.sign_in',
    });
    expect(known).toMatchObject({
      organisationId: null,
      actorKind: 'user',
      outcome: 'failure',
      details: { step: 'password', reason: 'wrong_password' },
    });
    const stranger = await em().findOneOrFail(JournalEntry, {
      actorKind: 'anonymous',
      action: 'auth.sign_in',
      details: { email: 'g***@example.ru' },
    });
    expect(stranger).toMatchObject({ organisationId: null, outcome: 'failure', actorId: null });
    expect(JSON.stringify(stranger.details)).not.toContain('ghost');
  });

  it('journals a success into every organisation the person belongs to', async () => {
    const person = await existingPerson();
    const user = await em().findOneOrFail(User, { id: person.id });
    const first = await createOrganisation(app, 'Ромашка');
    const second = await createOrganisation(app, 'Василёк');
    await addMember(app, first, { user, token: '' }, 'head');
    await addMember(app, second, { user, token: '' }, 'accountant');

    await signIn(app, freshBrowser(app), person);

    const entries = await em().find(JournalEntry, {
      actorId: person.id,
      action: 'auth.sign_in',
      outcome: 'success',
    });
    expect(entries.map((entry) => entry.organisationId).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect(entries[0]?.details).toMatchObject({ method: 'sms' });
  });

  it('locks the account for 15 minutes after ten failures in an hour', async () => {
    const person = await existingPerson();
    const browser = freshBrowser(app);
    for (let attempt = 0; attempt < 10; attempt++) {
      await failureOf(
        browser.caller().auth.signIn({ email: person.email, password: 'Не-тот-пароль-1' }),
      );
    }

    const refusal = await failureOf(
      browser.caller().auth.signIn({ email: person.email, password: person.password }),
    );
    expect(refusal.message).toBe(locked);
    const user = await em().findOneOrFail(User, { id: person.id });
    const minutesLeft = ((user.lockedUntil?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);
    expect(
      await em().count(JournalEntry, {
        actorId: person.id,
        outcome: 'denied',
        action: 'auth.sign_in',
      }),
    ).toBe(1);

    // Fifteen minutes later.
    await em().nativeUpdate(User, { id: person.id }, { lockedUntil: new Date(Date.now() - 1000) });
    await signIn(app, browser, person);
    expect((await browser.caller().auth.me())?.user.id).toBe(person.id);
  });

  it('locks an unknown email with the very same message', async () => {
    const browser = freshBrowser(app);
    for (let attempt = 0; attempt < 10; attempt++) {
      await failureOf(
        browser.caller().auth.signIn({ email: 'stranger@example.ru', password: 'Пароль-123456' }),
      );
    }

    const refusal = await failureOf(
      browser.caller().auth.signIn({ email: 'stranger@example.ru', password: 'Пароль-123456' }),
    );
    expect(refusal.message).toBe(locked);
    expect(refusal.code).toBe('TOO_MANY_REQUESTS');
  });

  it('counts wrong codes towards the lock as well', async () => {
    const person = await existingPerson();
    const browser = freshBrowser(app);
    for (let attempt = 0; attempt < 5; attempt++) {
      await failureOf(
        browser.caller().auth.signIn({ email: person.email, password: 'Не-тот-пароль-1' }),
      );
    }
    const { challengeId } = await browser.caller().auth.signIn({
      email: person.email,
      password: person.password,
    });
    const code = await lastCodeSent(app, person.phone, 'sign-in-code');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt++) {
      await failureOf(browser.caller().auth.completeSignIn({ challengeId, code: wrong }));
    }

    const user = await em().findOneOrFail(User, { id: person.id });
    expect(user.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    const refusal = await failureOf(
      browser.caller().auth.signIn({ email: person.email, password: person.password }),
    );
    expect(refusal.message).toBe(locked);
  });

  it('refuses a wrong code on the code field and ends the challenge after five tries', async () => {
    const person = await existingPerson();
    const browser = freshBrowser(app);
    const { challengeId } = await browser.caller().auth.signIn({
      email: person.email,
      password: person.password,
    });
    const code = await lastCodeSent(app, person.phone, 'sign-in-code');
    const wrong = code === '000000' ? '111111' : '000000';

    const first = await failureOf(
      browser.caller().auth.completeSignIn({ challengeId, code: wrong }),
    );
    expect(toFormErrors(first)?.fieldErrors.code).toEqual(['Код: неверный код.']);
    for (let attempt = 0; attempt < 4; attempt++) {
      await failureOf(browser.caller().auth.completeSignIn({ challengeId, code: wrong }));
    }
    const afterFive = await failureOf(browser.caller().auth.completeSignIn({ challengeId, code }));

    expect(afterFive.message).toMatch(/^Вход: время на ввод кода истекло или попытки исчерпаны/);
    expect(browser.sessionToken).toBeNull();
  });

  it('refuses the second step five minutes after the first', async () => {
    const person = await existingPerson();
    const browser = freshBrowser(app);
    const { challengeId } = await browser.caller().auth.signIn({
      email: person.email,
      password: person.password,
    });
    const code = await lastCodeSent(app, person.phone, 'sign-in-code');
    await em().nativeUpdate(
      SignInChallenge,
      { id: challengeId },
      { expiresAt: new Date(Date.now() - 1) },
    );

    const error = await failureOf(browser.caller().auth.completeSignIn({ challengeId, code }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(await browser.caller().auth.signInChallenge({ challengeId })).toBeNull();
    const entry = await em().findOneOrFail(JournalEntry, {
      actorId: person.id,
      action: 'auth.sign_in',
      outcome: 'failure',
    });
    expect(entry.details).toEqual({ step: 'code', reason: 'challenge_lapsed' });
  });

  it('uses a challenge once', async () => {
    const person = await existingPerson();
    const browser = freshBrowser(app);
    const { challengeId } = await browser.caller().auth.signIn({
      email: person.email,
      password: person.password,
    });
    const code = await lastCodeSent(app, person.phone, 'sign-in-code');
    await browser.caller().auth.completeSignIn({ challengeId, code });

    const again = await failureOf(
      freshBrowser(app).caller().auth.completeSignIn({ challengeId, code }),
    );
    expect(again.code).toBe('PRECONDITION_FAILED');
  });

  it('resends the sign-in code at most once a minute', async () => {
    const person = await existingPerson();
    const browser = freshBrowser(app);
    const { challengeId } = await browser.caller().auth.signIn({
      email: person.email,
      password: person.password,
    });
    // Signing in again at once keeps the code already sent instead of failing.
    await browser.caller().auth.signIn({ email: person.email, password: person.password });
    expect(await messagesSent(app, person.phone, 'sign-in-code')).toBe(1);

    const early = await failureOf(browser.caller().auth.resendSignInCode({ challengeId }));
    expect(early.code).toBe('TOO_MANY_REQUESTS');
    await em()
      .getConnection()
      .execute(
        `update one_time_code set sent_at = now() - interval '61 seconds' where destination = ?`,
        [person.phone],
      );
    await browser.caller().auth.resendSignInCode({ challengeId });
    expect(await messagesSent(app, person.phone, 'sign-in-code')).toBe(2);
    await browser.caller().auth.completeSignIn({
      challengeId,
      code: await lastCodeSent(app, person.phone, 'sign-in-code'),
    });
    expect(browser.sessionToken).not.toBeNull();
  });

  it('limits sign-in attempts from one address to thirty in ten minutes', async () => {
    const browser = freshBrowser(app);
    for (let attempt = 0; attempt < 30; attempt++) {
      await failureOf(
        browser
          .caller()
          .auth.signIn({ email: `guess-${attempt}@example.ru`, password: 'Пароль-123456' }),
      );
    }

    const error = await failureOf(
      browser.caller().auth.signIn({ email: 'guess-last@example.ru', password: 'Пароль-123456' }),
    );
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toBe('Слишком много попыток. Попробуйте позже.');
    const other = await failureOf(
      freshBrowser(app)
        .caller()
        .auth.signIn({ email: 'guess-last@example.ru', password: 'Пароль-123456' }),
    );
    expect(other.message).toBe('Неверная почта или пароль.');
  });

  it('keeps rate-limit keys under the configured prefix', async () => {
    const keys = await app.services.redis.keys(`${app.services.config.queuePrefix}:rl:*`);

    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('@');
  });

  describe('with an authenticator app', () => {
    it('enrols by QR code, then asks the app for codes instead of SMS', async () => {
      const person = await existingPerson();
      const browser = freshBrowser(app);
      await signIn(app, browser, person);

      const enrolment = await browser.caller().account.startTotpEnrolment();
      expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Orgcard:/);
      expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
      const secret = base32Decode(enrolment.secret);
      expect(await browser.caller().account.totpEnrolment()).toEqual(enrolment);

      const wrongCode = await failureOf(
        browser.caller().account.confirmTotp({
          code: '000000' === totp(secret, Date.now()) ? '111111' : '000000',
        }),
      );
      expect(toFormErrors(wrongCode)?.fieldErrors.code).toEqual([
        'Код: неверный код из приложения.',
      ]);
      await browser.caller().account.confirmTotp({ code: totp(secret, Date.now()) });
      expect((await browser.caller().auth.me())?.user.secondFactor).toBe('totp');
      const stored = await em().findOneOrFail(User, { id: person.id });
      expect(Buffer.from(stored.totpSecretSealed!).includes(secret)).toBe(false);

      const smsBefore = await messagesSent(app, person.phone, 'sign-in-code');
      const next = freshBrowser(app);
      const started = await next
        .caller()
        .auth.signIn({ email: person.email, password: person.password });
      expect(started).toMatchObject({ method: 'totp', destination: '' });
      expect(await messagesSent(app, person.phone, 'sign-in-code')).toBe(smsBefore);

      // The code of the next step: the one used to enrol cannot be used again.
      const code = totp(secret, Date.now() + 30_000);
      await next.caller().auth.completeSignIn({ challengeId: started.challengeId, code });
      expect(next.sessionToken).not.toBeNull();

      const replay = freshBrowser(app);
      const again = await replay
        .caller()
        .auth.signIn({ email: person.email, password: person.password });
      const refused = await failureOf(
        replay.caller().auth.completeSignIn({ challengeId: again.challengeId, code }),
      );
      expect(toFormErrors(refused)?.fieldErrors.code).toEqual(['Код: неверный код из приложения.']);

      expect(
        await em().count(JournalEntry, { actorId: person.id, action: 'account.totp_enabled' }),
      ).toBe(1);
    });

    it('goes back to SMS codes with the password', async () => {
      const person = await existingPerson();
      const browser = freshBrowser(app);
      await signIn(app, browser, person);
      const enrolment = await browser.caller().account.startTotpEnrolment();
      await browser
        .caller()
        .account.confirmTotp({ code: totp(base32Decode(enrolment.secret), Date.now()) });

      const wrong = await failureOf(
        browser.caller().account.disableTotp({ password: 'Не-тот-пароль-1' }),
      );
      expect(toFormErrors(wrong)?.fieldErrors.password).toEqual(['Пароль: неверный пароль.']);
      await browser.caller().account.disableTotp({ password: person.password });

      expect((await browser.caller().auth.me())?.user.secondFactor).toBe('sms');
      const started = await freshBrowser(app).caller().auth.signIn({
        email: person.email,
        password: person.password,
      });
      expect(started.method).toBe('sms');
    });
  });

  it('sends nothing to the outbox for a refused password', async () => {
    const before = await em().count(OutboxMessage);
    await failureOf(
      freshBrowser(app)
        .caller()
        .auth.signIn({ email: 'nobody-else@example.ru', password: 'Пароль-123456' }),
    );

    expect(await em().count(OutboxMessage)).toBe(before);
  });
});
