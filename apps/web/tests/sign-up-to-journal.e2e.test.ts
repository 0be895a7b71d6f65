import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSystem, type RunningSystem } from './support.ts';

// Issue #4's journey as one person lives it: sign up, read the SMS code at /dev/outbox,
// register an LLC, invite an accountant, and find all of it in the organisation's journal.

const screenshots = new URL('../test-results/', import.meta.url).pathname;

/** The newest message text at /dev/outbox matching `pattern`, waiting for the worker. */
async function fromOutbox(page: Page, baseUrl: string, pattern: RegExp): Promise<string> {
  await page.goto(`${baseUrl}/dev/outbox`);
  for (let attempt = 0; attempt < 75; attempt++) {
    const texts = await page.locator('article').allTextContents();
    const found = texts.map((text) => pattern.exec(text)?.[1]).find(Boolean);
    if (found) return found;
    await page.waitForTimeout(200);
    await page.getByRole('link', { name: 'Обновить' }).click();
  }
  throw new Error(`no message matching ${pattern} reached the outbox`);
}

describe('from sign-up to the journal, in Chromium', () => {
  let system: RunningSystem;
  let page: Page;
  let outbox: Page;
  let organisationUrl = '';

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    system = await startSystem();
    const context = await system.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'ru-RU',
    });
    page = await context.newPage();
    outbox = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('signs up and confirms the phone with the code read at /dev/outbox', async () => {
    await page.goto(`${system.baseUrl}/signup`);
    await page.getByLabel('ФИО').fill('Алексей Николаевич Громов');
    await page.getByLabel('Почта').fill('gromov@example.ru');
    await page.getByLabel('Телефон').fill('+7 916 200-30-40');
    await page.getByLabel('Пароль').fill('Громов-пароль-2026');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.getByRole('heading', { name: 'Подтверждение телефона и почты' }).waitFor();

    const code = await fromOutbox(outbox, system.baseUrl, /код подтверждения телефона (\d{6})/);
    const phone = page.getByRole('region', { name: 'Телефон' });
    await phone.getByLabel('Код из 6 цифр').fill(code);
    await phone.getByRole('button', { name: 'Подтвердить телефон' }).click();

    await page.getByText('Телефон подтверждён.').waitFor();
  });

  it('registers an LLC', async () => {
    await page.goto(`${system.baseUrl}/organisations/new`);
    await page.getByLabel('Общество с ограниченной ответственностью (ООО)').check();
    await page.getByLabel('ИНН', { exact: true }).fill('7736207543');
    await page.getByLabel('ОГРН').fill('1027700229193');
    await page.getByLabel('КПП').fill('770401001');
    await page
      .getByLabel('Полное наименование')
      .fill('Общество с ограниченной ответственностью "Громов и партнёры"');
    await page.getByLabel('Сокращённое наименование').fill('ООО "Громов и партнёры"');
    await page.getByLabel('Юридический адрес').fill('119021, г. Москва, ул. Льва Толстого, д. 16');
    await page.getByLabel('Почтовый адрес').fill('119021, г. Москва, ул. Льва Толстого, д. 16');
    await page.getByLabel('Электронная почта организации').fill('office@gromov.example.ru');
    await page.getByLabel('Телефон организации').fill('+7 495 739-70-00');
    await page.getByRole('button', { name: 'Зарегистрировать организацию' }).click();

    await page.getByRole('heading', { level: 1, name: 'ООО "Громов и партнёры"' }).waitFor();
    expect(await page.getByText('ожидает подтверждения').first().isVisible()).toBe(true);
    organisationUrl = page.url();
    expect(organisationUrl).toMatch(/\/organisations\/[0-9a-f-]{36}$/);
  });

  it('invites an accountant, whose invitation email arrives', async () => {
    await page.goto(`${organisationUrl}/members`);
    await page.getByLabel('Электронная почта').fill('buh@example.ru');
    await page.getByLabel('Роль', { exact: true }).selectOption('accountant');
    await page.getByRole('button', { name: 'Отправить приглашение' }).click();
    await page.getByText('Приглашение отправлено на buh@example.ru.').waitFor();

    const link = await fromOutbox(outbox, system.baseUrl, /(http\S+\/invitations\/\S+)/);
    expect(link.startsWith(`${system.baseUrl}/invitations/`)).toBe(true);
  });

  it('sees the registration and the invitation in the journal, and the chain intact', async () => {
    await page.goto(`${organisationUrl}/journal`);
    await page.getByRole('heading', { level: 1, name: 'Журнал действий' }).waitFor();

    const entries = page.locator('tbody tr');
    await entries.filter({ hasText: 'Регистрация организации' }).first().waitFor();
    const invitation = entries.filter({ hasText: 'Приглашение участника' });
    expect(await invitation.count()).toBe(1);
    expect(await invitation.first().getByText('Алексей Николаевич Громов').count()).toBeGreaterThan(
      0,
    );

    await page.getByRole('button', { name: 'Проверить целостность' }).click();
    await page.getByRole('status').filter({ hasText: 'Цепочка цела' }).waitFor();
    await page.screenshot({ path: `${screenshots}journey-journal.png`, fullPage: true });
  });
});
