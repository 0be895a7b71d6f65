import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalEntry, Organisation, Session, User } from '@orgcard/db';
import { tokenHash } from '../src/auth/tokens.ts';
import { toFormErrors } from '../src/forms.ts';
import { createTestApp, type TestApp, type TestBrowser } from '../src/testing/index.ts';
import { addMember, createOrganisation } from './support/people.ts';
import { failureOf, freshBrowser, signIn, signUp, type NewPerson } from './support/identity.ts';

const chromeOnLinux =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const safariOnIphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/18.0 Mobile/15E148 Safari/604.1';

describe('sessions', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  /** A person signed in on two devices: a laptop (where they signed up) and a phone. */
  async function personOnTwoDevices() {
    const laptop = freshBrowser(app);
    const person = await signUp(laptop);
    const phone = freshBrowser(app);
    await signIn(app, phone, person);
    await em().nativeUpdate(
      Session,
      { tokenHash: tokenHash(laptop.sessionToken!) },
      { userAgent: chromeOnLinux },
    );
    await em().nativeUpdate(
      Session,
      { tokenHash: tokenHash(phone.sessionToken!) },
      { userAgent: safariOnIphone },
    );
    const user = await em().findOneOrFail(User, { email: person.email });

    return { person, user, laptop, phone };
  }

  function sessionOf(browser: TestBrowser) {
    return em().findOneOrFail(Session, { tokenHash: tokenHash(browser.sessionToken!) });
  }

  it('lists the person’s own sessions with address, device and which one is this', async () => {
    const { laptop, phone } = await personOnTwoDevices();
    await personOnTwoDevices();

    const sessions = await laptop.caller().account.sessions();

    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ current: true, device: 'Chrome, Linux' });
    expect(sessions[1]).toMatchObject({ current: false, device: 'Safari, iOS' });
    expect(sessions[1]?.id).toBe((await sessionOf(phone)).id);
    expect(sessions[0]?.ip).toMatch(/^10\./);
    expect(sessions[0]?.lastSeenAt).toBeInstanceOf(Date);
  });

  it('ends one of them; that browser is signed out', async () => {
    const { laptop, phone } = await personOnTwoDevices();
    const phoneSession = await sessionOf(phone);

    await laptop.caller().account.endSession({ sessionId: phoneSession.id });

    expect(await phone.caller().auth.me()).toBeNull();
    expect((await failureOf(phone.caller().account.sessions())).code).toBe('UNAUTHORIZED');
    expect(await laptop.caller().account.sessions()).toHaveLength(1);
    expect(await em().findOneOrFail(Session, { id: phoneSession.id })).toMatchObject({
      endReason: 'ended_by_user',
    });
  });

  it('cannot end another person’s session', async () => {
    const someone = await personOnTwoDevices();
    const intruder = await personOnTwoDevices();
    const victimSession = await sessionOf(someone.phone);

    const error = await failureOf(
      intruder.laptop.caller().account.endSession({ sessionId: victimSession.id }),
    );

    expect(error.code).toBe('NOT_FOUND');
    expect((await someone.phone.caller().auth.me())?.user.id).toBe(someone.user.id);
  });

  it('ends every other session and keeps this one', async () => {
    const { laptop, phone, person, user } = await personOnTwoDevices();
    const tablet = freshBrowser(app);
    await signIn(app, tablet, person);

    await expect(laptop.caller().account.endOtherSessions()).resolves.toEqual({ ended: 2 });

    expect(await phone.caller().auth.me()).toBeNull();
    expect(await tablet.caller().auth.me()).toBeNull();
    expect((await laptop.caller().auth.me())?.user.id).toBe(user.id);
  });

  it('signs out: the session ends, the cookie is cleared, and it is journaled', async () => {
    const { laptop, user } = await personOnTwoDevices();
    const session = await sessionOf(laptop);
    const caller = laptop.caller();

    await caller.auth.signOut();

    expect(laptop.sessionToken).toBeNull();
    expect(await app.caller({ sessionToken: null }).auth.me()).toBeNull();
    expect(await em().findOneOrFail(Session, { id: session.id })).toMatchObject({
      endReason: 'sign_out',
    });
    expect(await em().count(JournalEntry, { actorId: user.id, action: 'auth.sign_out' })).toBe(1);
  });

  it('ends a session idle for longer than 15 minutes', async () => {
    const { laptop } = await personOnTwoDevices();
    const session = await sessionOf(laptop);
    await em().nativeUpdate(
      Session,
      { id: session.id },
      { lastSeenAt: new Date(Date.now() - 16 * 60_000) },
    );

    expect((await failureOf(laptop.caller().account.sessions())).code).toBe('UNAUTHORIZED');
    expect(await em().findOneOrFail(Session, { id: session.id })).toMatchObject({
      endReason: 'idle',
    });
  });

  it('keeps a session idle for 14 minutes', async () => {
    const { laptop } = await personOnTwoDevices();
    const session = await sessionOf(laptop);
    await em().nativeUpdate(
      Session,
      { id: session.id },
      { lastSeenAt: new Date(Date.now() - 14 * 60_000) },
    );

    await expect(laptop.caller().account.sessions()).resolves.toHaveLength(2);
  });

  it('ends a session at its absolute limit, however active', async () => {
    const { laptop } = await personOnTwoDevices();
    const session = await sessionOf(laptop);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeCloseTo(
      12 * 3600_000,
      -4,
    );
    await em().nativeUpdate(
      Session,
      { id: session.id },
      { expiresAt: new Date(Date.now() - 1000) },
    );

    expect((await failureOf(laptop.caller().account.sessions())).code).toBe('UNAUTHORIZED');
    expect(await em().findOneOrFail(Session, { id: session.id })).toMatchObject({
      endReason: 'expired',
    });
  });

  it('follows the idle timeout the organisation’s administrator chose', async () => {
    const member = await personOnTwoDevices();
    const outsider = await personOnTwoDevices();
    const organisation = await createOrganisation(app, 'Строгая');
    await em().nativeUpdate(Organisation, { id: organisation.id }, { idleTimeoutMinutes: 5 });
    await addMember(app, organisation, { user: member.user, token: '' }, 'employee');
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    for (const browser of [member.laptop, outsider.laptop]) {
      await em().nativeUpdate(
        Session,
        { tokenHash: tokenHash(browser.sessionToken!) },
        { lastSeenAt: sixMinutesAgo },
      );
    }

    expect((await failureOf(member.laptop.caller().account.sessions())).code).toBe('UNAUTHORIZED');
    await expect(outsider.laptop.caller().account.sessions()).resolves.toHaveLength(2);
  });

  it('stops honouring a copied cookie once its session is ended', async () => {
    const { laptop, phone } = await personOnTwoDevices();
    const stolen = app.caller({ sessionToken: phone.sessionToken, ip: '203.0.113.9' });
    await laptop.caller().account.endSession({ sessionId: (await sessionOf(phone)).id });

    expect(await stolen.auth.me()).toBeNull();
  });

  describe('changing the password', () => {
    let people: Awaited<ReturnType<typeof personOnTwoDevices>>;
    let person: NewPerson;

    beforeAll(async () => {
      people = await personOnTwoDevices();
      person = people.person;
    });

    it('asks for the current password', async () => {
      const error = await failureOf(
        people.laptop.caller().account.changePassword({
          currentPassword: 'Не-тот-пароль-1',
          newPassword: 'Новый-пароль-2027',
        }),
      );

      expect(toFormErrors(error)?.fieldErrors.currentPassword).toEqual([
        'Текущий пароль: неверный пароль.',
      ]);
    });

    it('applies the policy to the new one', async () => {
      const error = await failureOf(
        people.laptop.caller().account.changePassword({
          currentPassword: person.password,
          newPassword: 'коротко',
        }),
      );

      expect(toFormErrors(error)?.fieldErrors.newPassword).toContain(
        'Новый пароль: не короче 12 символов',
      );
    });

    it('replaces it, ends the other sessions and journals the change', async () => {
      await people.laptop.caller().account.changePassword({
        currentPassword: person.password,
        newPassword: 'Новый-пароль-2027',
      });

      expect(await people.phone.caller().auth.me()).toBeNull();
      expect((await people.laptop.caller().auth.me())?.passwordChangeDue).toBe(false);
      const refused = await failureOf(
        freshBrowser(app).caller().auth.signIn({ email: person.email, password: person.password }),
      );
      expect(refused.message).toBe('Неверная почта или пароль.');
      await signIn(app, freshBrowser(app), { ...person, password: 'Новый-пароль-2027' });
      expect(
        await em().count(JournalEntry, {
          actorId: people.user.id,
          action: 'account.password_changed',
        }),
      ).toBe(1);
    });

    it('reminds the person after 90 days', async () => {
      const user = people.user;
      await em().nativeUpdate(
        User,
        { id: user.id },
        { passwordChangedAt: new Date(Date.now() - 89 * 86_400_000) },
      );
      expect((await people.laptop.caller().auth.me())?.passwordChangeDue).toBe(false);

      await em().nativeUpdate(
        User,
        { id: user.id },
        { passwordChangedAt: new Date(Date.now() - 91 * 86_400_000) },
      );
      expect((await people.laptop.caller().auth.me())?.passwordChangeDue).toBe(true);
    });
  });

  it('tells the pages who is signed in and in which organisations', async () => {
    const { laptop, user } = await personOnTwoDevices();
    const organisation = await createOrganisation(app, 'Ромашка');
    await addMember(app, organisation, { user, token: '' }, 'accountant');

    expect(await laptop.caller().auth.me()).toEqual({
      user: {
        id: user.id,
        fullName: user.fullName,
        email: user.email,
        phoneConfirmed: false,
        emailConfirmed: false,
        secondFactor: 'sms',
      },
      passwordChangeDue: false,
      organisations: [{ id: organisation.id, shortName: 'ООО «Ромашка»', role: 'accountant' }],
    });
    expect(await app.caller().auth.me()).toBeNull();
  });
});
