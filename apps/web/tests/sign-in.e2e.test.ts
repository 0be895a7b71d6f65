import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { base32Decode, totp } from '@orgcard/crypto';
import { User } from '@orgcard/db';
import { startSystem, type RunningSystem } from './support.ts';

const screenshots = new URL('../test-results/', import.meta.url).pathname;

const person = {
  fullName: 'Мария Викторовна Соколова',
  email: 'maria.sokolova@example.ru',
  phone: '8 (912) 555-01-23',
  password: 'Надёжный пароль 2026!',
};

/**
 * Reads the newest code matching `pattern` from the development outbox, refreshing while the
 * worker delivers it. `earlier` is how many such messages were there before this one.
 */
async function codeFromOutbox(
  page: Page,
  baseUrl: string,
  pattern: RegExp,
  earlier = 0,
): Promise<string> {
  await page.goto(`${baseUrl}/dev/outbox`);
  for (let attempt = 0; attempt < 50; attempt++) {
    const texts = await page.locator('article').allTextContents();
    const codes = texts.map((text) => pattern.exec(text)?.[1]).filter(Boolean);
    if (codes.length > earlier && codes[0]) return codes[0];
    await page.waitForTimeout(200);
    await page.getByRole('link', { name: 'Обновить' }).click();
  }
  throw new Error(`no new message matching ${pattern} reached the outbox`);
}

describe('a person signing up and signing in with an SMS code, in Chromium', () => {
  let system: RunningSystem;
  let page: Page;
  let outbox: Page;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    system = await startSystem();
    const context = await system.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'ru-RU',
    });
    page = await context.newPage();
    outbox = await context.newPage();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('signs up and lands on the confirmation page, signed in', async () => {
    await page.goto(system.baseUrl);
    await page.getByRole('link', { name: 'Регистрация' }).click();
    await page.getByLabel('ФИО').fill(person.fullName);
    await page.getByLabel('Почта').fill(person.email);
    await page.getByLabel('Телефон').fill(person.phone);
    await page.getByLabel('Пароль').fill('короткий');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();

    await page.getByText('Пароль: не короче 12 символов').waitFor();
    await page.getByLabel('Пароль').fill(person.password);
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();

    await page.getByRole('heading', { name: 'Подтверждение телефона и почты' }).waitFor();
    expect(await page.getByText(person.fullName).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Выйти' }).isVisible()).toBe(true);
    expect(
      await page
        .getByRole('link', { name: 'Код можно посмотреть в разделе «Исходящие»' })
        .isVisible(),
    ).toBe(true);
  });

  it('confirms the phone with the code read at /dev/outbox, then the email', async () => {
    const phoneCode = await codeFromOutbox(
      outbox,
      system.baseUrl,
      /код подтверждения телефона (\d{6})/,
    );
    const phone = page.getByRole('region', { name: 'Телефон' });
    await phone.getByLabel('Код из 6 цифр').fill(phoneCode);
    await phone.getByRole('button', { name: 'Подтвердить телефон' }).click();
    await page.getByText('Телефон подтверждён.').waitFor();

    const emailCode = await codeFromOutbox(
      outbox,
      system.baseUrl,
      /Код подтверждения почты: (\d{6})/,
    );
    const email = page.getByRole('region', { name: 'Почта' });
    await email.getByLabel('Код из 6 цифр').fill(emailCode);
    await email.getByRole('button', { name: 'Подтвердить почту' }).click();

    // The reminder goes once the home page has rendered with both contacts confirmed.
    await page.getByText('Подтвердите телефон и почту').waitFor({ state: 'detached' });
    expect(page.url()).toBe(`${system.baseUrl}/`);
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Выйти' }).click();

    await page.getByRole('link', { name: 'Войти' }).waitFor();
    expect(await page.getByText(person.fullName).count()).toBe(0);
  });

  it('signs in with the password and the SMS code', async () => {
    await page.getByRole('link', { name: 'Войти' }).click();
    await page.getByLabel('Почта').fill(person.email);
    await page.getByLabel('Пароль').fill('Не тот пароль 2026!');
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByRole('alert').getByText('Неверная почта или пароль.').waitFor();

    await page.getByLabel('Пароль').fill(person.password);
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByText('Мы отправили SMS с кодом на номер +7 *** ***-**-23.').waitFor();
    const codeInput = page.getByLabel('Код из 6 цифр');
    expect(await codeInput.getAttribute('inputmode')).toBe('numeric');
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');

    const code = await codeFromOutbox(outbox, system.baseUrl, /код для входа (\d{6})/);
    await codeInput.fill(code);
    await page.getByRole('button', { name: 'Войти' }).click();

    await page.getByText(person.fullName).waitFor();
    expect(page.url()).toBe(`${system.baseUrl}/`);
  });

  it('sees its own sessions', async () => {
    await page.getByRole('link', { name: 'Сеансы' }).click();

    await page.getByRole('heading', { level: 1, name: 'Сеансы' }).waitFor();
    const current = page.getByRole('article').filter({ hasText: 'Этот сеанс' });
    expect(await current.count()).toBe(1);
    expect(await current.getByRole('heading').textContent()).toContain('Chrome, Linux');
    expect(await current.getByText('127.0.0.1').isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshots}sessions.png`, fullPage: true });
  });

  it('signs in without JavaScript as well', async () => {
    const context = await system.browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
    const plain = await context.newPage();
    await plain.goto(`${system.baseUrl}/signin`);
    await plain.getByLabel('Почта').fill(person.email);
    await plain.getByLabel('Пароль').fill(person.password);
    await plain.getByRole('button', { name: 'Продолжить' }).click();
    await plain.getByLabel('Код из 6 цифр').waitFor();

    const code = await codeFromOutbox(outbox, system.baseUrl, /код для входа (\d{6})/, 1);
    await plain.getByLabel('Код из 6 цифр').fill(code);
    await plain.getByRole('button', { name: 'Войти' }).click();

    await plain.getByText(person.fullName).waitFor();
    await plain.getByRole('link', { name: 'Сеансы' }).click();
    expect(await plain.getByRole('article').count()).toBe(2);
    await context.close();
  });

  it('connects an authenticator app by its QR code', async () => {
    await page.getByRole('link', { name: 'Безопасность' }).click();
    await page.getByRole('button', { name: 'Подключить приложение-аутентификатор' }).click();

    const qr = page.getByRole('img', { name: 'QR-код для подключения приложения-аутентификатора' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await page.screenshot({ path: `${screenshots}security-totp.png`, fullPage: true });
    const secret = (await page.locator('code').textContent()) ?? '';
    await page.getByLabel('Код из 6 цифр').fill(totp(base32Decode(secret), Date.now()));
    await page.getByRole('button', { name: 'Подтвердить и включить' }).click();

    await page.getByText('Приложение-аутентификатор подключено.').waitFor();
    expect(
      await page
        .getByText('Сейчас после пароля нужен код из приложения-аутентификатора.')
        .isVisible(),
    ).toBe(true);
  });

  it('shows operators their own sign-in page, without sign-up', async () => {
    await page.goto(`${system.baseUrl}/operator/signin`);

    await page.getByRole('heading', { level: 1, name: 'Вход для операторов' }).waitFor();
    expect(await page.getByRole('main').getByRole('link', { name: 'Регистрация' }).count()).toBe(0);
  });

  it('refuses a POST to /api/trpc from another origin and changes nothing', async () => {
    const email = 'forged@example.ru';
    const signUp = (origin: string) =>
      fetch(`${system.baseUrl}/api/trpc/auth.signUp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ json: { ...person, email } }),
      });
    const users = () => system.database.orm.em.fork().count(User, { email });

    const forged = await signUp('https://evil.example');
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie')).toBeNull();
    expect(await users()).toBe(0);

    // The same request from the site itself goes through: the refusal was the origin's doing.
    const genuine = await signUp(system.baseUrl);
    expect(genuine.status).toBe(200);
    expect(await users()).toBe(1);
  });
});
