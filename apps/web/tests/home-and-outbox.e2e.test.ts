import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSystem, type RunningSystem } from './support.ts';

const screenshots = new URL('../test-results/', import.meta.url).pathname;

describe('a person opening Orgcard in Chromium', () => {
  let system: RunningSystem;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    system = await startSystem();
    page = await system.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('sees the home page in Russian with the service status', async () => {
    await page.goto(system.baseUrl);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Мобильная карта организации',
    );
    expect(await page.getByRole('status').textContent()).toBe('Все системы работают');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.screenshot({ path: `${screenshots}home.png`, fullPage: true });
  });

  it('sees an empty outbox, a field error, then the test email arriving', async () => {
    await page.goto(`${system.baseUrl}/dev/outbox`);
    expect(await page.getByText('Пока ни одного сообщения').isVisible()).toBe(true);

    await page.getByLabel('Адрес почты').fill('не-адрес');
    await page.getByRole('button', { name: 'Отправить тестовое письмо' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Адрес почты: неверный формат');

    await page.getByLabel('Адрес почты').fill('anna@example.ru');
    await page.getByLabel('Имя получателя (необязательно)').fill('Анна');
    await page.getByRole('button', { name: 'Отправить тестовое письмо' }).click();
    await page.getByText('Письмо поставлено в очередь').waitFor();

    const subject = page.getByRole('heading', { name: 'Проверка доставки писем Orgcard' });
    for (let attempt = 0; attempt < 50 && !(await subject.isVisible()); attempt++) {
      await page.waitForTimeout(200);
      await page.getByRole('link', { name: 'Обновить' }).click();
    }
    expect(await subject.isVisible()).toBe(true);
    expect(await page.getByText('Кому: anna@example.ru').isVisible()).toBe(true);
    expect(await page.getByText('Здравствуйте, Анна!').isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshots}outbox.png`, fullPage: true });
  });

  it('sees a Russian "not found" page with status 404 for an unknown address', async () => {
    const response = await page.goto(`${system.baseUrl}/нет-такой-страницы`);

    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Страница не найдена');
  });
});
