import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CardApplication, OutboxMessage, type Organisation } from '@orgcard/db';
import {
  makeMember,
  makeOrganisation,
  samplePdf,
} from '../../../packages/api/tests/support/applicants.ts';
import { startSystem, type RunningSystem } from './support.ts';

const screenshots = new URL('../test-results/', import.meta.url).pathname;

describe('the head of an LLC applying for a card in Chromium', () => {
  let system: RunningSystem;
  let page: Page;
  let organisation: Organisation;
  let phone: string;
  let applicationUrl: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    system = await startSystem();
    // Signed in by a session made directly: sign-in itself is another journey's subject.
    const services = { orm: system.database.orm };
    organisation = await makeOrganisation({ services }, 'LLC', 'Ромашка');
    const head = await makeMember(system.database.orm, organisation, 'head', 'Анна Руководитель');
    phone = head.user.phone;
    const context = await system.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'ru-RU',
    });
    await context.addCookies([{ name: 'orgcard_session', value: head.token, url: system.baseUrl }]);
    page = await context.newPage();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('opens a new application at the first of four steps', async () => {
    await page.goto(`${system.baseUrl}/organisations/${organisation.id}/applications`);
    expect(await page.getByText('Заявлений пока нет').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Новое заявление' }).click();
    await page.getByText('Шаг 1 из 4').waitFor();
    applicationUrl = page.url();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Заявление № /);
  });

  it('fills the form and resumes at the documents step', async () => {
    await page.getByLabel('Цель получения карты').fill('Оплата закупок отдела снабжения');
    await page
      .getByLabel('Держатель карты')
      .selectOption({ label: 'Анна Руководитель (руководитель)' });
    await page.getByLabel('Подразделение или проект').fill('Отдел снабжения');
    await page.getByLabel(/^Базовый: госпошлина 3\s000,00 ₽/).check();
    await page.getByRole('button', { name: 'Далее' }).click();
    await page.getByText('Шаг 2 из 4').waitFor();

    await page.goto(applicationUrl.split('?')[0] ?? applicationUrl);
    expect(await page.getByText('Шаг 2 из 4').isVisible()).toBe(true);
  });

  it('refuses text renamed to .pdf with the reason, then uploads real documents', async () => {
    const charter = page.getByRole('form', { name: 'Устав (учредительные документы)' });
    await charter.getByLabel(/^Файл/).setInputFiles({
      name: 'устав.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('это просто текст'),
    });
    await charter.getByRole('button', { name: 'Загрузить' }).click();
    await charter.getByRole('alert').waitFor();
    expect(await charter.getByRole('alert').textContent()).toBe(
      'Файл: допустимы только PDF, JPEG и PNG — содержимое не похоже ни на один из них.',
    );

    for (const kind of [
      'Выписка из ЕГРЮЛ',
      'Устав (учредительные документы)',
      'Решение учредителей о получении карты',
      'Справка об открытии банковского счёта',
    ]) {
      const form = page.getByRole('form', { name: kind });
      await form.getByLabel(/^Файл/).setInputFiles({
        name: `${kind}.pdf`,
        mimeType: 'application/pdf',
        buffer: samplePdf,
      });
      await form.getByRole('button', { name: 'Загрузить' }).click();
      await page.getByRole('link', { name: `Скачать ${kind}.pdf` }).waitFor();
    }
    await page.screenshot({ path: `${screenshots}application-documents.png`, fullPage: true });
  });

  it('gets a payment order with a QR code and pays it in the bank simulator', async () => {
    await page.getByRole('button', { name: 'Далее' }).click();
    await page.getByText('Шаг 3 из 4').waitFor();
    await page.getByRole('button', { name: 'Сформировать платёжное поручение' }).click();
    await page.getByRole('heading', { name: 'Платёжное поручение на госпошлину' }).waitFor();
    expect(await page.getByRole('img', { name: /QR-код платёжного поручения/ }).isVisible()).toBe(
      true,
    );
    expect(await page.locator('pre').textContent()).toMatch(/^ST00012\|Name=/);
    await page.screenshot({ path: `${screenshots}application-payment.png`, fullPage: true });

    await page.goto(`${system.baseUrl}/dev/bank`);
    await page.getByRole('button', { name: /^Оплатить 3\s000,00 ₽$/ }).click();
    await page.getByText(/ответ 200 — госпошлина оплачена/).waitFor();
  });

  it('sends the paid application with the SMS code', async () => {
    await page.goto(`${applicationUrl.split('?')[0]}?step=fee`);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /^Госпошлина оплачена/ })
        .isVisible(),
    ).toBe(true);
    await page.getByRole('button', { name: 'Далее' }).click();
    await page.getByText('Шаг 4 из 4').waitFor();
    await page.getByRole('button', { name: 'Получить код в SMS' }).click();
    await page.getByText(/^Код отправлен на номер/).waitFor();

    const messages = await system.database.orm.em
      .fork()
      .find(OutboxMessage, { queue: 'notifications' }, { orderBy: { createdAt: 'desc' } });
    const sms = messages.find((message) => message.payload.to === phone);
    const code = (sms?.payload.data as Record<string, string>).code ?? '';
    await page.getByLabel('Код из SMS').fill(code);
    await page.getByRole('button', { name: 'Отправить заявление' }).click();
    await page
      .getByText(/^Заявление отправлено|^Документы проверяются|^Проверка нашла/)
      .first()
      .waitFor();

    const stored = await system.database.orm.em.fork().findOneOrFail(CardApplication, {
      organisationId: organisation.id,
    });
    expect(stored.checkRun).toBe(1);
    expect(stored.submittedAt).toBeInstanceOf(Date);
    await page.screenshot({ path: `${screenshots}application-submitted.png`, fullPage: true });
  });
});
