import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPasswordPolicy, verifyPassword } from '@orgcard/crypto';
import { JournalEntry, Member, Organisation, User } from '@orgcard/db';
import { verifyJournal } from '../src/journal/verify-journal.ts';
import { checkInn, checkKpp, checkOgrn } from '../src/organisations/validators.ts';
import { DEMO_PASSWORD, demoOrganisations, seedDemoData } from '../src/seed/seed-demo-data.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';

describe('the demo data', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates each demo organisation and person once, however often it runs', async () => {
    const first = await seedDemoData(em());
    const second = await seedDemoData(em());

    expect(second).toEqual(first);
    const organisations = await em().find(Organisation, {}, { orderBy: { shortName: 'asc' } });
    expect(
      organisations.map((organisation) => [organisation.type, organisation.shortName]),
    ).toEqual([
      ['NPO', 'АНО "Открытые двери"'],
      ['LLC', 'ООО "Ромашка"'],
    ]);
    expect(await em().count(User)).toBe(6);
    expect(await em().count(Member)).toBe(6);
    for (const organisation of organisations) {
      const roles = (await em().find(Member, { organisationId: organisation.id })).map(
        (m) => m.role,
      );
      expect(roles.sort()).toEqual(['accountant', 'employee', 'head']);
      expect(await em().count(JournalEntry, { organisationId: organisation.id })).toBe(1);
      expect(await verifyJournal(em(), organisation.id)).toEqual({ ok: true, entries: 1 });
    }
  });

  it('prints one login line per demo person', async () => {
    const lines = await seedDemoData(em());

    expect(lines).toHaveLength(6);
    expect(lines).toContain(
      'Демо ООО «Ромашка»: руководитель head@romashka.demo / Orgcard-demo-2026!',
    );
    expect(lines).toContain(
      'Демо АНО «Открытые двери»: бухгалтер accountant@otkrytye-dveri.demo / Orgcard-demo-2026!',
    );
  });

  it('uses identifiers with correct control digits', () => {
    for (const { organisation } of demoOrganisations) {
      expect([
        checkInn(organisation.inn),
        checkOgrn(organisation.ogrn),
        checkKpp(organisation.kpp),
      ]).toEqual([null, null, null]);
    }
  });

  it('gives every demo person a confirmed phone and email and the printed password', async () => {
    const users = await em().find(User, {});

    for (const user of users) {
      expect(user.phone).toMatch(/^\+7900000000[1-6]$/);
      expect(user.phoneConfirmedAt).toBeInstanceOf(Date);
      expect(user.emailConfirmedAt).toBeInstanceOf(Date);
      expect(checkPasswordPolicy(DEMO_PASSWORD, user.email)).toEqual([]);
    }
    const head = users.find((user) => user.email === 'head@romashka.demo')!;
    expect(await verifyPassword(DEMO_PASSWORD, head.passwordHash)).toBe(true);
  });
});
