import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { loadSecrets } from '@orgcard/api';
import { isValidCardNumber, open } from '@orgcard/crypto';
import { Card, CardApplication, Organisation } from '@orgcard/db';
import {
  daysAgo,
  jpegImage,
  pdfWithText,
  pngImage,
} from '../../../packages/api/tests/support/review-fixtures.ts';
import { startSystem, type RunningSystem } from './support.ts';

// Issue #5: the whole way from a new application to an issued card, as people meet it. A person
// signs up, registers an LLC, applies, pays in the bank simulator and sends the application;
// the worker checks the documents; an operator (made with the real CLI) signs in and approves;
// the worker issues the card. Every step goes through the pages; the database is read only to
// look at what the pages cannot show (the sealed card number).

const screenshots = new URL('../test-results/', import.meta.url).pathname;
const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

const head = {
  fullName: 'Ковалёва Ирина Андреевна',
  email: 'irina.kovaleva@example.ru',
  phone: '+7 912 555-02-34',
  sms: '+79125550234',
  password: 'Надёжный пароль 2026!',
};
const operator = {
  fullName: 'Орлов Павел Сергеевич',
  email: 'pavel.orlov@orgcard.example.ru',
  phone: '+79161230077',
  password: 'Пароль оператора 2026!',
};
// Sberbank's published identifiers: valid control digits, and a real extract would show them.
const organisation = {
  inn: '7707083893',
  ogrn: '1027700132195',
  kpp: '773601001',
  shortName: 'ООО "Вектор"',
};

/** The required documents of an LLC applying by its head, each a file its checks accept. */
async function documentsToUpload() {
  return [
    {
      kind: 'Выписка из ЕГРЮЛ',
      name: 'vypiska-egrul.pdf',
      mimeType: 'application/pdf',
      buffer: await pdfWithText([
        'EGRUL extract',
        `INN ${organisation.inn}`,
        `OGRN ${organisation.ogrn}`,
      ]),
      issuedOn: daysAgo(3),
    },
    {
      kind: 'Устав (учредительные документы)',
      name: 'ustav.pdf',
      mimeType: 'application/pdf',
      buffer: await pdfWithText(['Charter of the company'], 2),
    },
    {
      kind: 'Решение учредителей о получении карты',
      name: 'reshenie.png',
      mimeType: 'image/png',
      buffer: pngImage(),
    },
    {
      kind: 'Справка об открытии банковского счёта',
      name: 'spravka-bank.jpg',
      mimeType: 'image/jpeg',
      buffer: jpegImage(),
    },
  ];
}

/**
 * Reads the newest message to `to` matching `pattern` at /dev/outbox, reloading while the
 * worker delivers it; `earlier` is how many such messages were there before this one.
 */
async function fromOutbox(
  page: Page,
  baseUrl: string,
  to: string,
  pattern: RegExp,
  earlier = 0,
): Promise<RegExpExecArray> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await page.goto(`${baseUrl}/dev/outbox`);
    const texts = await page.locator('article').allTextContents();
    const found = texts
      .filter((text) => text.includes(`Кому: ${to}`))
      .map((text) => pattern.exec(text))
      .filter((match) => match !== null);
    if (found.length > earlier && found[0]) return found[0];
    await page.waitForTimeout(200);
  }
  throw new Error(`no message to ${to} matching ${pattern} reached the outbox`);
}

/** Reloads the page until `locator` is there: the worker's changes show on the next load. */
async function reloadUntil(page: Page, locator: Locator, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await locator.count())) {
    if (Date.now() > deadline) throw new Error(`the page never showed ${locator.toString()}`);
    await page.waitForTimeout(300);
    await page.reload();
  }
}

/** Waits until React has taken over the page, so that scripted controls work. */
async function hydrated(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((css) => {
    const element = document.querySelector(css);

    return element !== null && Object.keys(element).some((key) => key.startsWith('__reactProps'));
  }, selector);
}

async function mobilePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'ru-RU',
  });

  return context.newPage();
}

describe('an LLC from a new application to an issued card, in Chromium', () => {
  let system: RunningSystem;
  /** The head of the organisation, and a tab of hers on the development outbox. */
  let applicant: Page;
  let outbox: Page;
  /** The operator's desk, in a browser context of their own: both sessions live side by side. */
  let desk: Page;
  let organisationUrl: string;
  let applicationUrl: string;
  let applicationNumber: string;
  const uploaded = new Map<string, Buffer>();

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${screenshots}journey-${name}.png`, fullPage: true });

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    system = await startSystem();
    applicant = await mobilePage(system.browser);
    outbox = await applicant.context().newPage();
    desk = await mobilePage(system.browser);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('signs up and confirms the phone and the email with codes from the outbox', async () => {
    await applicant.goto(system.baseUrl);
    await applicant.getByRole('link', { name: 'Регистрация' }).click();
    await applicant.getByLabel('ФИО').fill(head.fullName);
    await applicant.getByLabel('Почта').fill(head.email);
    await applicant.getByLabel('Телефон').fill(head.phone);
    await applicant.getByLabel('Пароль').fill(head.password);
    await applicant.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await applicant.getByRole('heading', { name: 'Подтверждение телефона и почты' }).waitFor();

    const [, phoneCode] = await fromOutbox(
      outbox,
      system.baseUrl,
      head.sms,
      /код подтверждения телефона (\d{6})/,
    );
    const phone = applicant.getByRole('region', { name: 'Телефон' });
    await phone.getByLabel('Код из 6 цифр').fill(phoneCode ?? '');
    await phone.getByRole('button', { name: 'Подтвердить телефон' }).click();
    await applicant.getByText('Телефон подтверждён.').waitFor();

    const [, emailCode] = await fromOutbox(
      outbox,
      system.baseUrl,
      head.email,
      /Код подтверждения почты: (\d{6})/,
    );
    const email = applicant.getByRole('region', { name: 'Почта' });
    await email.getByLabel('Код из 6 цифр').fill(emailCode ?? '');
    await email.getByRole('button', { name: 'Подтвердить почту' }).click();

    await applicant.getByRole('link', { name: 'Зарегистрировать организацию' }).waitFor();
    expect(new URL(applicant.url()).pathname).toBe('/');
  });

  it('registers an LLC with valid identifiers, waiting for confirmation', async () => {
    await applicant.getByRole('link', { name: 'Зарегистрировать организацию' }).click();
    await applicant.getByRole('heading', { name: 'Регистрация организации' }).waitFor();
    await hydrated(applicant, 'input[name="inn"]');

    await applicant.getByLabel('Общество с ограниченной ответственностью (ООО)').check();
    await applicant.getByLabel('ИНН', { exact: true }).fill(organisation.inn);
    await applicant.getByLabel('ОГРН').fill(organisation.ogrn);
    await applicant.getByLabel('КПП').fill(organisation.kpp);
    await applicant
      .getByLabel('Полное наименование')
      .fill('Общество с ограниченной ответственностью "Вектор"');
    await applicant.getByLabel('Сокращённое наименование').fill(organisation.shortName);
    await applicant.getByLabel('Юридический адрес').fill('117312, г. Москва, ул. Вавилова, д. 19');
    await applicant.getByLabel('Почтовый адрес').fill('117312, г. Москва, ул. Вавилова, д. 19');
    await applicant.getByLabel('Электронная почта организации').fill('office@vektor.example.ru');
    await applicant.getByLabel('Телефон организации').fill('+7 495 500-55-50');
    await applicant.getByRole('button', { name: 'Зарегистрировать организацию' }).click();

    await applicant.getByRole('heading', { level: 1, name: organisation.shortName }).waitFor();
    organisationUrl = applicant.url();
    expect(await applicant.getByText('ожидает подтверждения').first().isVisible()).toBe(true);
    await shot(applicant, '01-organisation');
  });

  it('fills a new application and uploads every required document', async () => {
    await applicant.goto(`${organisationUrl}/applications`);
    await applicant.getByRole('button', { name: 'Новое заявление' }).click();
    await applicant.getByText('Шаг 1 из 4').waitFor();
    applicationUrl = applicant.url().split('?')[0] ?? '';
    const title = (await applicant.getByRole('heading', { level: 1 }).textContent()) ?? '';
    applicationNumber = /^Заявление № (\S+)$/.exec(title)?.[1] ?? '';
    expect(applicationNumber).not.toBe('');

    await applicant.getByLabel('Цель получения карты').fill('Оплата закупок и подпись договоров');
    await applicant
      .getByLabel('Держатель карты')
      .selectOption({ label: `${head.fullName} (руководитель)` });
    await applicant.getByLabel('Подразделение или проект').fill('Отдел снабжения');
    await applicant.getByLabel(/^Базовый: госпошлина 3\s000,00 ₽/).check();
    await applicant.getByRole('button', { name: 'Далее' }).click();
    await applicant.getByText('Шаг 2 из 4').waitFor();

    for (const document of await documentsToUpload()) {
      const form = applicant.getByRole('form', { name: document.kind });
      await form.getByLabel(/^Файл/).setInputFiles(document);
      if (document.issuedOn) await form.getByLabel('Дата выписки').fill(document.issuedOn);
      await form.getByRole('button', { name: 'Загрузить' }).click();
      // The progress bar gives way to this once the server has answered 201.
      await form.getByRole('status').filter({ hasText: 'Файл загружен.' }).waitFor();
      await applicant.getByRole('link', { name: `Скачать ${document.name}` }).waitFor();
      uploaded.set(document.name, document.buffer);
    }
    expect(await applicant.getByRole('link', { name: /^Скачать / }).count()).toBe(4);
    await shot(applicant, '02-documents');
  });

  it('shows the payment order with its QR code and is paid in the bank simulator', async () => {
    await applicant.getByRole('button', { name: 'Далее' }).click();
    await applicant.getByText('Шаг 3 из 4').waitFor();
    await applicant.getByRole('button', { name: 'Сформировать платёжное поручение' }).click();

    await applicant.getByRole('heading', { name: 'Платёжное поручение на госпошлину' }).waitFor();
    const paymentUrl = applicant.url();
    const qr = applicant.getByRole('img', { name: /^QR-код платёжного поручения/ });
    expect(await qr.isVisible()).toBe(true);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/(png|svg\+xml);base64,/);
    const requisite = (term: string) => applicant.locator(`dt:text-is("${term}") + dd`);
    expect(await requisite('Сумма').textContent()).toMatch(/^3\s000,00\s₽$/);
    expect(await requisite('ИНН / КПП плательщика').textContent()).toBe(
      `${organisation.inn} / ${organisation.kpp}`,
    );
    const uin = (await requisite('УИН').textContent()) ?? '';
    expect(uin).toMatch(/^\d{20,25}$/);
    expect(await applicant.locator('pre').textContent()).toMatch(new RegExp(`\\|UIN=${uin}`));
    expect(await applicant.getByRole('status').filter({ hasText: 'Не оплачено' }).count()).toBe(1);
    await shot(applicant, '03-payment-order');

    await applicant.getByRole('link', { name: 'Оплатить в банке-симуляторе (разработка)' }).click();
    await applicant
      .getByRole('listitem')
      .filter({ hasText: uin })
      .getByRole('button', { name: /^Оплатить 3\s000,00 ₽$/ })
      .click();
    await applicant.getByText(/ответ 200 — госпошлина оплачена/).waitFor();

    await applicant.goto(paymentUrl);
    await applicant
      .getByRole('status')
      .filter({ hasText: /^Оплачено / })
      .waitFor();
    await applicant.goto(`${applicationUrl}?step=fee`);
    await applicant
      .getByRole('status')
      .filter({ hasText: /^Госпошлина оплачена/ })
      .waitFor();
  });

  it('sends the application with the SMS code; the worker checks it and puts it in review', async () => {
    await applicant.getByRole('button', { name: 'Далее' }).click();
    await applicant.getByText('Шаг 4 из 4').waitFor();
    await applicant.getByRole('button', { name: 'Получить код в SMS' }).click();
    await applicant.getByText(/^Код отправлен на номер/).waitFor();
    const [, code] = await fromOutbox(
      outbox,
      system.baseUrl,
      head.sms,
      /код (\d{6}) для отправки заявления/,
    );
    await applicant.getByLabel('Код из SMS').fill(code ?? '');
    await applicant.getByRole('button', { name: 'Отправить заявление' }).click();

    // Sent; the worker may already be checking by the time the page is drawn.
    await applicant.getByText(/Статус: (Отправлено|Проверяется|На рассмотрении)$/).waitFor();
    const history = applicant.getByRole('region', { name: 'История заявления' });
    expect(await history.getByText('Заявление отправлено').count()).toBe(1);
    await reloadUntil(applicant, applicant.getByText(/Статус: На рассмотрении$/));
    expect(await history.textContent()).toContain('Автоматическая проверка пройдена');
    const checks = applicant.getByRole('region', { name: 'Автоматическая проверка документов' });
    expect(await checks.textContent()).toContain(`ИНН организации ${organisation.inn} найден`);
    await shot(applicant, '04-in-review');
  });

  it('an operator made with the CLI signs in with the password and the SMS code', async () => {
    await run(
      resolve(root, 'node_modules/.bin/tsx'),
      [
        resolve(root, 'packages/api/src/cli/create-operator.ts'),
        ...['--email', operator.email, '--name', operator.fullName, '--phone', operator.phone],
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: system.database.url,
          OPERATOR_PASSWORD: operator.password,
        },
      },
    );

    await desk.goto(`${system.baseUrl}/operator/applications`);
    await desk.getByRole('heading', { level: 1, name: 'Вход для операторов' }).waitFor();
    await desk.getByLabel('Почта').fill(operator.email);
    await desk.getByLabel('Пароль').fill(operator.password);
    await desk.getByRole('button', { name: 'Продолжить' }).click();
    await desk.getByLabel('Код из 6 цифр').waitFor();
    const [, code] = await fromOutbox(
      outbox,
      system.baseUrl,
      operator.phone,
      /код для входа (\d{6})/,
    );
    await desk.getByLabel('Код из 6 цифр').fill(code ?? '');
    await desk.getByRole('button', { name: 'Войти' }).click();

    await desk.getByRole('heading', { level: 1, name: 'Заявления на рассмотрении' }).waitFor();
    const item = desk.getByRole('listitem').filter({ hasText: organisation.inn });
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain(`Заявитель: ${head.fullName}`);
    await shot(desk, '05-operator-queue');
  });

  it('the operator opens a document in the browser and approves the application', async () => {
    await desk.getByRole('link', { name: `Открыть заявление № ${applicationNumber}` }).click();
    await desk
      .getByRole('heading', { level: 1, name: `Заявление № ${applicationNumber}`, exact: true })
      .waitFor();
    expect(await desk.getByText(/Статус: На рассмотрении$/).count()).toBe(1);

    // The link opens a new tab; headless Chromium may show the PDF or download it, so the
    // answer itself is what is checked.
    const answer = desk
      .context()
      .waitForEvent('response', (response) => /\/documents\/[0-9a-f-]{36}$/.test(response.url()));
    await desk.getByRole('link', { name: 'ustav.pdf' }).click();
    const response = await answer;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    // The tab's own body is not always available to Playwright (a viewer or a download has
    // it), so the bytes are fetched once more, with the operator's cookie, and compared.
    const again = await desk.request.get(response.url());
    const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    expect(digest(await again.body())).toBe(digest(uploaded.get('ustav.pdf') ?? Buffer.alloc(0)));
    for (const tab of desk.context().pages()) if (tab !== desk) await tab.close();

    await desk.getByRole('button', { name: 'Одобрить и выпустить карту' }).click();
    await desk.waitForURL(/decided=1/);
    await desk
      .getByRole('status')
      .filter({ hasText: 'Заявление одобрено: карта выпускается.' })
      .waitFor();
    await shot(desk, '06-operator-approved');
  });

  it('shows the applicant the approval and the card the worker issued', async () => {
    await applicant.goto(applicationUrl);
    expect(await applicant.getByText(/Статус: Одобрено$/).count()).toBe(1);
    const history = applicant.getByRole('region', { name: 'История заявления' });
    await reloadUntil(applicant, history.getByText('Карта выпущена'));
    await shot(applicant, '07-card-issued');

    const em = system.database.orm.em.fork();
    const stored = await em.findOneOrFail(CardApplication, {
      id: applicationUrl.split('/').at(-1),
    });
    expect(stored.status).toBe('approved');
    const cards = await em.find(Card, { organisationId: stored.organisationId });
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(card?.status).toBe('issued');
    expect(card?.numberMasked).toMatch(/^220099\*{6}\d{4}$/);
    const { keyring } = loadSecrets({ ...process.env, NODE_ENV: 'development' });
    const number = open(keyring, card?.numberSealed ?? Buffer.alloc(0), `card:${card?.id}`);
    expect(number.toString()).toMatch(/^\d{16}$/);
    expect(isValidCardNumber(number.toString())).toBe(true);
    expect(number.toString().slice(-4)).toBe(card?.numberMasked.slice(-4));
    const confirmed = await em.findOneOrFail(Organisation, { id: stored.organisationId });
    expect(confirmed.status).toBe('confirmed');

    await applicant.goto(organisationUrl);
    await applicant.getByRole('heading', { level: 1, name: organisation.shortName }).waitFor();
    expect(await applicant.getByText('подтверждена', { exact: true }).isVisible()).toBe(true);
    expect(await applicant.getByText('ожидает подтверждения').count()).toBe(0);

    const [letter] = await fromOutbox(outbox, system.baseUrl, head.email, /Карта выпущена[^]*/);
    expect(letter).toContain(card?.numberMasked);
    expect(letter).toContain(organisation.shortName);
    await shot(outbox, '08-outbox-card-issued');
  });
});
