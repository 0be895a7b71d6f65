import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadSecrets, runDocumentChecks } from '@orgcard/api';
import type { TestApp } from '@orgcard/api/testing';
import { CardApplication, JournalEntry } from '@orgcard/db';
import { signedInOperator } from '../../../packages/api/tests/support/people.ts';
import {
  submittedApplication,
  validDocuments,
  type SubmittedApplicationOptions,
} from '../../../packages/api/tests/support/review-fixtures.ts';
import { startSystem, type RunningSystem } from './support.ts';

const screenshots = new URL('../test-results/', import.meta.url).pathname;

describe('an operator reviewing applications in Chromium', () => {
  let system: RunningSystem;
  let fixtures: TestApp;
  let page: Page;
  const em = () => system.database.orm.em.fork();

  /** A submitted application taken through the real checks. */
  async function checked(options: SubmittedApplicationOptions = {}) {
    const submitted = await submittedApplication(fixtures, options);
    const job = { applicationId: submitted.application.id, run: 1 };
    await runDocumentChecks(em(), fixtures.services, job);

    return submitted;
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    system = await startSystem();
    // The fixtures use only the ORM and the keys, which the server in development shares.
    const services = {
      orm: system.database.orm,
      secrets: loadSecrets({ NODE_ENV: 'development' }),
      config: { appUrl: system.baseUrl },
    };
    fixtures = { services } as unknown as TestApp;
    const operator = await signedInOperator(fixtures);
    const context = await system.browser.newContext({ viewport: { width: 390, height: 900 } });
    await context.addCookies([
      { name: 'orgcard_session', value: operator.token, url: system.baseUrl },
    ]);
    page = await context.newPage();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('sends a visitor without an operator session to the operator sign-in', async () => {
    const stranger = await (await system.browser.newContext()).newPage();
    await stranger.goto(`${system.baseUrl}/operator/applications`);

    expect(new URL(stranger.url()).pathname).toBe('/operator/signin');
    await stranger.context().close();
  });

  it('shows an empty queue plainly', async () => {
    await page.goto(`${system.baseUrl}/operator/applications`);

    await page.getByText('Очередь пуста').waitFor();
  });

  it('lists the overdue application first and marks it', async () => {
    const recent = await checked();
    const late = await checked({ type: 'NPO' });
    await em().nativeUpdate(
      CardApplication,
      { id: late.application.id },
      { reviewStartedAt: new Date(Date.now() - 30 * 3_600_000) },
    );

    await page.goto(`${system.baseUrl}/operator/applications`);
    await page.screenshot({ path: `${screenshots}review-queue.png`, fullPage: true });

    const items = page.getByRole('listitem');
    await expect(items.nth(0).textContent()).resolves.toContain(late.organisation.inn);
    await expect(items.nth(0).textContent()).resolves.toContain('Просрочено');
    await expect(items.nth(1).textContent()).resolves.toContain(recent.organisation.inn);
    await expect(items.nth(1).textContent()).resolves.toContain('Осталось');
  });

  it('opens a document inline and journals the view', async () => {
    const { application, documents } = await checked();
    const charter = documents.find((document) => document.kind === 'charter');

    const response = await page.request.get(
      `${system.baseUrl}/operator/applications/${application.id}/documents/${charter?.id}`,
    );

    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(/^inline; filename="charter\.pdf"/);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const viewed = await em().count(JournalEntry, {
      targetId: application.id,
      action: 'application.document_viewed',
      actorKind: 'operator',
    });
    expect(viewed).toBe(1);
  });

  it('names a missing reason next to its field, then returns the application with remarks', async () => {
    const { application } = await checked();
    await page.goto(`${system.baseUrl}/operator/applications/${application.id}`);

    await page.getByRole('button', { name: 'Отказать' }).click();
    // The message is announced next to the field it concerns.
    const error = page
      .getByRole('alert')
      .filter({ hasText: 'Причина отказа: не короче 5 символов' });
    await error.waitFor();
    expect(await page.getByLabel('Причина отказа').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Замечания для заявителя').fill('Приложите устав в последней редакции');
    await page.getByRole('button', { name: 'Вернуть на исправление' }).click();
    await page.waitForURL(/decided=1/);
    await page.screenshot({ path: `${screenshots}review-returned.png`, fullPage: true });

    await page
      .getByRole('status')
      .filter({ hasText: 'Заявление возвращено на исправление.' })
      .waitFor();
    const stored = await em().findOneOrFail(CardApplication, { id: application.id });
    expect(stored).toMatchObject({
      status: 'needs_correction',
      correctionRemarks: 'Приложите устав в последней редакции',
    });
  });

  it('shows the applicant the failed checks with their reasons', async () => {
    const { application, organisation, head } = await checked({
      documents: async (own) =>
        (await validDocuments(own)).filter((document) => document.kind !== 'charter'),
    });
    const context = await system.browser.newContext({ viewport: { width: 390, height: 900 } });
    await context.addCookies([{ name: 'orgcard_session', value: head.token, url: system.baseUrl }]);
    const applicant = await context.newPage();

    await applicant.goto(
      `${system.baseUrl}/organisations/${organisation.id}/applications/${application.id}`,
    );
    await applicant.screenshot({
      path: `${screenshots}review-applicant-checks.png`,
      fullPage: true,
    });

    const checks = applicant.getByRole('region', { name: 'Автоматическая проверка документов' });
    await expect(checks.textContent()).resolves.toContain('Не хватает документа: устав');
    await expect(checks.textContent()).resolves.toContain('Проверка № 1');
    const history = applicant.getByRole('region', { name: 'История заявления' });
    await expect(history.textContent()).resolves.toContain('Автоматическая проверка не пройдена');
    await context.close();
  });
});
