import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newToken, tokenHash, writeJournal } from '@orgcard/api';
import { JournalEntry, Member, Organisation, Session, User, type MemberRole } from '@orgcard/db';
import { startSystem, type RunningSystem } from './support.ts';

const screenshots = new URL('../test-results/', import.meta.url).pathname;

describe('a head of an organisation reading its journal in Chromium', () => {
  let system: RunningSystem;
  let context: BrowserContext;
  let page: Page;
  let organisation: Organisation;
  let journalUrl: string;

  /** A person with a membership and an open session, made directly in the database. */
  async function memberWithSession(fullName: string, organisationId: string, role: MemberRole) {
    const em = system.database.orm.em.fork();
    const user = em.create(User, {
      fullName,
      email: `${randomBytes(6).toString('hex')}@example.ru`,
      phone: '+79990000000',
      passwordHash: 'not-a-real-hash',
      passwordChangedAt: new Date(),
    });
    await em.flush();
    em.create(Member, { organisationId, userId: user.id, role });
    const token = newToken();
    const now = new Date();
    em.create(Session, {
      tokenHash: tokenHash(token),
      kind: 'user',
      userId: user.id,
      ip: '127.0.0.1',
      userAgent: 'e2e',
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      endedAt: null,
      endReason: null,
    });
    await em.flush();

    return { user, token };
  }

  async function openAs(token: string, width: number) {
    await context?.close();
    context = await system.browser.newContext({
      viewport: { width, height: 900 },
      locale: 'ru-RU',
      acceptDownloads: true,
    });
    await context.addCookies([{ name: 'orgcard_session', value: token, url: system.baseUrl }]);
    page = await context.newPage();
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    system = await startSystem();
    const em = system.database.orm.em.fork();
    organisation = em.create(Organisation, {
      type: 'LLC',
      fullName: 'Общество с ограниченной ответственностью «Ромашка»',
      shortName: 'ООО «Ромашка»',
      inn: '7707083893',
      ogrn: '1027700132195',
      kpp: '773601001',
      legalAddress: 'г. Москва, ул. Вавилова, д. 19',
      postalAddress: 'г. Москва, ул. Вавилова, д. 19',
      email: 'office@romashka.example',
      phone: '+74950000000',
    });
    await em.flush();
    journalUrl = `${system.baseUrl}/organisations/${organisation.id}/journal`;
  });

  afterAll(async () => {
    await context?.close();
    await system?.stop();
  });

  it('sees who did what, on whose behalf, with the outcome in words', async () => {
    const head = await memberWithSession('Анна Руководитель', organisation.id, 'head');
    const accountant = await memberWithSession('Пётр Бухгалтер', organisation.id, 'accountant');
    const em = () => system.database.orm.em.fork();
    const anna = { kind: 'user', id: head.user.id, name: head.user.fullName } as const;
    const petr = { kind: 'user', id: accountant.user.id, name: accountant.user.fullName } as const;
    const request = {
      ip: '203.0.113.5',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
    };
    await writeJournal(em(), {
      organisationId: organisation.id,
      actor: anna,
      action: 'member.invited',
      request,
    });
    await writeJournal(em(), {
      organisationId: organisation.id,
      actor: petr,
      action: 'member.joined',
      request,
    });
    await writeJournal(em(), {
      organisationId: organisation.id,
      actor: petr,
      onBehalfOf: { id: head.user.id, name: head.user.fullName },
      action: 'power_of_attorney.viewed',
      target: { type: 'power_of_attorney', id: 'poa-17' },
      outcome: 'denied',
      request,
    });
    await openAs(head.token, 390);

    await page.goto(journalUrl);

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Журнал действий');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain('Пётр Бухгалтер от имени Анна Руководитель');
    expect(await rows.first().textContent()).toContain('Просмотр доверенности');
    expect(await rows.first().getByText('Отказано').isVisible()).toBe(true);
    expect(await rows.last().textContent()).toContain('Приглашение участника');
    await page.screenshot({ path: `${screenshots}journal-phone.png`, fullPage: true });

    await page.setViewportSize({ width: 1024, height: 900 });
    expect(await page.getByRole('columnheader', { name: 'Время (МСК)' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshots}journal-wide.png`, fullPage: true });
  });

  it('narrows the journal by action and person, keeping the filters in the address', async () => {
    await page.getByLabel('Действие').selectOption('member.');
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL(/action=member\./);
    await page.getByText('Показано: 2 записи').waitFor();

    expect(await page.locator('tbody tr').count()).toBe(2);

    await page.getByLabel('Кто').selectOption({ label: 'Пётр Бухгалтер' });
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL(/actorId=/);
    await page.getByText('Показано: 1 запись').waitFor();

    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr').textContent()).toContain('Участник присоединился');
  });

  it('says plainly when a period has no entries, and names a period that ends before it starts', async () => {
    await page.goto(`${journalUrl}?from=2001-01-01&to=2001-01-31`);
    expect(await page.getByText('Записей за выбранный период нет').isVisible()).toBe(true);

    await page.goto(`${journalUrl}?from=2024-05-02&to=2024-05-01`);
    expect(await page.getByRole('alert').first().textContent()).toBe(
      'Период: дата «по» раньше даты «с»',
    );
  });

  it('checks the chain’s integrity and records the check', async () => {
    await page.goto(journalUrl);
    await page.getByRole('button', { name: 'Проверить целостность' }).click();

    await page.getByRole('status').filter({ hasText: 'Цепочка цела' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Цепочка цела: 3 записи.');
    await page.locator('tbody tr').first().getByText('Проверка целостности журнала').waitFor();
  });

  it('works without JavaScript: filters by GET, checks integrity by POST', async () => {
    const cookies = await context.cookies();
    const plain = await system.browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
    await plain.addCookies(cookies);
    const noScript = await plain.newPage();
    await noScript.goto(journalUrl);

    await noScript.getByLabel('Действие').selectOption('journal.verified');
    await noScript.getByRole('button', { name: 'Показать' }).click();
    await noScript.getByText('Показано: 1 запись').waitFor();
    await noScript.getByRole('button', { name: 'Проверить целостность' }).click();
    await noScript.getByRole('status').waitFor();

    expect(await noScript.getByRole('status').textContent()).toContain('Цепочка цела: 4 записи.');
    expect(await noScript.locator('tbody tr').count()).toBe(2);
    await plain.close();
  });

  it('downloads the filtered journal as a CSV file named after the INN', async () => {
    await page.goto(`${journalUrl}?action=member.`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Скачать CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');

    expect(download.suggestedFilename()).toMatch(/^journal-7707083893-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.startsWith('\uFEFFВремя (МСК),Кто,От имени,Действие')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('shows older entries fifty at a time with "Показать ещё"', async () => {
    const em = system.database.orm.em.fork();
    const actor = { kind: 'system' } as const;
    for (let index = 0; index < 52; index++) {
      await writeJournal(em.fork(), {
        organisationId: organisation.id,
        actor,
        action: 'member.role_changed',
      });
    }
    const total = await em.count(JournalEntry, { organisationId: organisation.id });
    await page.goto(journalUrl);

    expect(await page.locator('tbody tr').count()).toBe(50);
    await page.getByRole('link', { name: 'Показать ещё' }).click();
    await page.waitForURL(/pages=2/);
    await page.locator('tbody tr').nth(50).waitFor();

    expect(await page.locator('tbody tr').count()).toBe(total);
    expect(await page.getByRole('link', { name: 'Показать ещё' }).count()).toBe(0);
  });

  it('tells a member without the right that the journal is not theirs to read', async () => {
    const employee = await memberWithSession('Ольга Сотрудник', organisation.id, 'employee');
    await openAs(employee.token, 390);

    const response = await page.goto(journalUrl);

    expect(response?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Нет доступа к журналу',
    );
  });

  it('sends a visitor without a session to sign in first', async () => {
    await context.clearCookies();

    await page.goto(journalUrl);

    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe(
      `/organisations/${organisation.id}/journal`,
    );
  });
});
