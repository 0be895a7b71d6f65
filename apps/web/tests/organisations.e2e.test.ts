import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newToken, tokenHash } from '@orgcard/api';
import { OutboxMessage, Session, User } from '@orgcard/db';
import { startSystem, type RunningSystem } from './support.ts';

// A head registers an organisation, invites an accountant, grants her a power of attorney and
// downloads it, all through the pages. People are made directly in the database with a session
// cookie, so that this journey does not depend on the sign-in pages.

const screenshots = new URL('../test-results/', import.meta.url).pathname;

describe('an organisation run from the browser', () => {
  let system: RunningSystem;
  let head: Page;
  let accountant: Page;
  const contexts: BrowserContext[] = [];

  /** A person with confirmed contacts, signed in in a browser context of their own. */
  async function signedInPage(fullName: string, email: string, phone: string): Promise<Page> {
    const em = system.database.orm.em.fork();
    const now = new Date();
    const user = em.create(User, {
      id: randomUUID(),
      fullName,
      email,
      phone,
      passwordHash: 'not-a-real-hash',
      passwordChangedAt: now,
      emailConfirmedAt: now,
      phoneConfirmedAt: now,
    });
    const token = newToken();
    em.create(Session, {
      tokenHash: tokenHash(token),
      kind: 'user',
      userId: user.id,
      operatorId: null,
      ip: '127.0.0.1',
      userAgent: 'e2e',
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3600_000),
      endedAt: null,
      endReason: null,
    });
    await em.flush();
    const context = await system.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'ru-RU',
      acceptDownloads: true,
    });
    await context.addCookies([{ name: 'orgcard_session', value: token, url: system.baseUrl }]);
    contexts.push(context);
    const page = await context.newPage();

    return page;
  }

  /** Waits until React has taken over the page, so that fields check themselves as one types. */
  async function hydrated(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const input = document.querySelector('input[name="inn"]');

      return input !== null && Object.keys(input).some((key) => key.startsWith('__reactProps'));
    });
  }

  /** The data of the latest notification queued for an address or a phone. */
  async function lastMessageTo(to: string): Promise<Record<string, string>> {
    const rows = await system.database.orm.em
      .fork()
      .find(OutboxMessage, { queue: 'notifications' }, { orderBy: { createdAt: 'desc' } });
    const row = rows.find((candidate) => candidate.payload.to === to);

    return (row?.payload.data ?? {}) as Record<string, string>;
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    system = await startSystem();
    head = await signedInPage('Иванов Иван Иванович', 'ivanov@example.ru', '+79001234567');
    accountant = await signedInPage('Петрова Ольга Сергеевна', 'olga@example.ru', '+79007654321');
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await system?.stop();
  });

  it('registers an organisation, checking fields as the head types', async () => {
    await head.goto(system.baseUrl);
    expect(await head.getByRole('heading', { level: 1 }).textContent()).toBe('Ваши организации');
    await head.getByRole('link', { name: 'Зарегистрировать организацию' }).click();
    await head.getByRole('heading', { name: 'Регистрация организации' }).waitFor();
    await hydrated(head);

    const inn = head.getByLabel('ИНН', { exact: true });
    await inn.fill('7707083894');
    await inn.blur();
    await head.getByText('ИНН: неверная контрольная цифра').waitFor();
    await inn.fill('7707083893');
    await head.getByText('ИНН: неверная контрольная цифра').waitFor({ state: 'detached' });
    await head.getByRole('button', { name: 'Заполнить по ИНН' }).click();
    await head.getByText('ИНН верный, но справочник организаций не подключён').waitFor();
    await head.screenshot({ path: `${screenshots}organisation-new.png`, fullPage: true });

    await head.getByLabel('Общество с ограниченной ответственностью (ООО)').check();
    await head.getByLabel('ОГРН').fill('1027700132195');
    await head.getByLabel('КПП').fill('773601001');
    await head
      .getByLabel('Полное наименование')
      .fill('Общество с ограниченной ответственностью "Ромашка"');
    await head.getByLabel('Сокращённое наименование').fill('ООО "Ромашка"');
    await head.getByLabel('Юридический адрес').fill('117312, г. Москва, ул. Вавилова, д. 19');
    await head.getByLabel('Почтовый адрес').fill('117312, г. Москва, ул. Вавилова, д. 19');
    await head.getByLabel('Электронная почта организации').fill('office@romashka.example.ru');
    await head.getByLabel('Телефон организации').fill('+7 495 500-55-50');
    await head.getByRole('button', { name: 'Зарегистрировать организацию' }).click();

    await head.getByRole('heading', { level: 1, name: 'ООО "Ромашка"' }).waitFor();
    expect(await head.getByText('ожидает подтверждения').first().isVisible()).toBe(true);
    expect(await head.getByText('Руководитель').first().isVisible()).toBe(true);
    await head.screenshot({ path: `${screenshots}organisation-dashboard.png`, fullPage: true });
  });

  it('invites an accountant who accepts through the link in her email', async () => {
    await head
      .getByRole('navigation', { name: 'Разделы организации' })
      .getByRole('link', { name: 'Участники' })
      .click();
    await head.getByLabel('Электронная почта').fill('olga@example.ru');
    await head.getByLabel('Роль', { exact: true }).selectOption('accountant');
    await head.getByRole('button', { name: 'Отправить приглашение' }).click();
    await head.getByText('Приглашение отправлено на olga@example.ru.').waitFor();
    await head.getByText(/^olga@example\.ru · Бухгалтер · действует до/).waitFor();
    await head.screenshot({ path: `${screenshots}organisation-members.png`, fullPage: true });

    const { link } = await lastMessageTo('olga@example.ru');
    expect(link).toMatch(new RegExp(`^${system.baseUrl}/invitations/`));
    await accountant.goto(link ?? '');
    await accountant.getByText('ООО "Ромашка" приглашает вас с ролью «Бухгалтер».').waitFor();
    await accountant.getByRole('button', { name: 'Принять приглашение' }).click();

    await accountant.getByRole('heading', { level: 1, name: 'ООО "Ромашка"' }).waitFor();
    expect(await accountant.getByText('Бухгалтер').first().isVisible()).toBe(true);
  });

  it('grants her a power of attorney signed with the code from the SMS, and downloads it', async () => {
    await head
      .getByRole('navigation', { name: 'Разделы организации' })
      .getByRole('link', { name: 'Доверенности' })
      .click();
    await head
      .getByLabel('Представитель')
      .selectOption({ label: 'Петрова Ольга Сергеевна (Бухгалтер)' });
    await head.getByLabel('Платежи').check();
    await head.getByLabel('Предел суммы, ₽ (необязательно)').fill('15 000,50');
    await head.getByRole('button', { name: 'Оформить и получить код' }).click();
    await head.getByText('Код для подписи отправлен вам в SMS').waitFor();

    const { code } = await lastMessageTo('+79001234567');
    await head.getByLabel('Код из SMS').fill(code ?? '');
    await head.getByRole('button', { name: 'Подписать' }).click();
    await head.getByText('Доверенность подписана.').waitFor();
    expect(await head.getByText(/15\s000,50\s₽/).isVisible()).toBe(true);

    await head.getByRole('heading', { name: 'Петрова Ольга Сергеевна — действует' }).waitFor();
    await head.screenshot({ path: `${screenshots}organisation-powers.png`, fullPage: true });
    const download = head.waitForEvent('download');
    await head
      .getByRole('link', { name: 'Скачать XML доверенности на имя Петрова Ольга Сергеевна' })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^doverennost-[0-9a-f-]{36}\.xml$/);
    const href = await head.getByRole('link', { name: /Скачать XML/ }).getAttribute('href');
    const response = await head.request.get(`${system.baseUrl}${href ?? ''}`);
    expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toContain('ИННЮЛ="7707083893"');
    expect(xml).toContain('Сумма="15000.50"');
  });

  it('changes the idle timeout in the settings', async () => {
    await head
      .getByRole('navigation', { name: 'Разделы организации' })
      .getByRole('link', { name: 'Настройки' })
      .click();
    await head.getByLabel('Тайм-аут бездействия, минут').fill('200');
    await head.getByRole('button', { name: 'Сохранить' }).click();
    await head.getByText('Тайм-аут бездействия: от 5 до 120 минут').waitFor();

    await head.getByLabel('Тайм-аут бездействия, минут').fill('30');
    await head.getByRole('button', { name: 'Сохранить' }).click();
    await head.getByText('Настройки сохранены.').waitFor();
  });
});
