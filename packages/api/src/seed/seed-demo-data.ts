import { randomUUID } from 'node:crypto';
import { hashPassword } from '@orgcard/crypto';
import { Member, Organisation, User, type EntityManager, type MemberRole } from '@orgcard/db';
import { writeJournal } from '../journal/write-journal.ts';
import { roleLabels } from '../members/role-labels.ts';

/** The password of every demo account; it meets the password policy. */
export const DEMO_PASSWORD = 'Orgcard-demo-2026!';

interface DemoPerson {
  role: MemberRole;
  login: string;
  fullName: string;
  phone: string;
}

interface DemoOrganisation {
  /** How the printed logins name it. */
  label: string;
  domain: string;
  organisation: Pick<
    Organisation,
    'type' | 'fullName' | 'shortName' | 'inn' | 'ogrn' | 'kpp' | 'legalAddress' | 'postalAddress'
  > & { phone: string };
  people: DemoPerson[];
}

// The identifiers have correct control digits but use region and tax office 00, which do not
// exist, so they can never be those of a real company.
export const demoOrganisations: DemoOrganisation[] = [
  {
    label: 'ООО «Ромашка»',
    domain: 'romashka.demo',
    organisation: {
      type: 'LLC',
      fullName: 'Общество с ограниченной ответственностью "Ромашка"',
      shortName: 'ООО "Ромашка"',
      inn: '0000123450',
      ogrn: '1260000123459',
      kpp: '000001001',
      legalAddress: '101000, г. Москва, ул. Полевая, д. 1, офис 1',
      postalAddress: '101000, г. Москва, ул. Полевая, д. 1, офис 1',
      phone: '+74950000001',
    },
    people: [
      { role: 'head', login: 'head', fullName: 'Ромашкин Иван Петрович', phone: '+79000000001' },
      {
        role: 'accountant',
        login: 'accountant',
        fullName: 'Счётова Анна Сергеевна',
        phone: '+79000000002',
      },
      {
        role: 'employee',
        login: 'employee',
        fullName: 'Полевой Пётр Ильич',
        phone: '+79000000003',
      },
    ],
  },
  {
    label: 'АНО «Открытые двери»',
    domain: 'otkrytye-dveri.demo',
    organisation: {
      type: 'NPO',
      fullName: 'Автономная некоммерческая организация "Открытые двери"',
      shortName: 'АНО "Открытые двери"',
      inn: '0000678903',
      ogrn: '1260000678904',
      kpp: '000001001',
      legalAddress: '190000, г. Санкт-Петербург, ул. Садовая, д. 2',
      postalAddress: '190000, г. Санкт-Петербург, ул. Садовая, д. 2',
      phone: '+78120000002',
    },
    people: [
      { role: 'head', login: 'head', fullName: 'Дверева Мария Андреевна', phone: '+79000000004' },
      {
        role: 'accountant',
        login: 'accountant',
        fullName: 'Книгина Елена Павловна',
        phone: '+79000000005',
      },
      {
        role: 'employee',
        login: 'employee',
        fullName: 'Открытов Денис Олегович',
        phone: '+79000000006',
      },
    ],
  },
];

function emailOf(demo: DemoOrganisation, person: DemoPerson): string {
  return `${person.login}@${demo.domain}`;
}

/** The demo account, or the existing account with that address (left as it is). */
async function demoUser(em: EntityManager, email: string, person: DemoPerson, now: Date) {
  const existing = await em.findOne(User, { email });
  if (existing) return existing;

  return em.create(User, {
    id: randomUUID(),
    fullName: person.fullName,
    email,
    phone: person.phone,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    passwordChangedAt: now,
    emailConfirmedAt: now,
    phoneConfirmedAt: now,
  });
}

async function createDemoOrganisation(em: EntityManager, demo: DemoOrganisation): Promise<void> {
  const now = new Date();
  await em.transactional(async (tx) => {
    const organisation = tx.create(Organisation, {
      id: randomUUID(),
      ...demo.organisation,
      email: `office@${demo.domain}`,
      status: 'pending_confirmation',
      idleTimeoutMinutes: 15,
    });
    for (const person of demo.people) {
      const user = await demoUser(tx, emailOf(demo, person), person, now);
      tx.create(Member, { organisationId: organisation.id, userId: user.id, role: person.role });
    }
    await writeJournal(tx, {
      organisationId: organisation.id,
      actor: { kind: 'system' },
      action: 'organisation.registered',
      target: { type: 'organisation', id: organisation.id },
      details: { demo: true, inn: organisation.inn, shortName: organisation.shortName },
    });
  });
}

/**
 * Creates the demo LLC and NPO, each with a head, an accountant and an employee, unless an
 * organisation with the demo INN exists already; running it again changes nothing. Returns one
 * line per demo login for `pnpm start` to print.
 */
export async function seedDemoData(em: EntityManager): Promise<string[]> {
  const lines: string[] = [];
  for (const demo of demoOrganisations) {
    const exists = (await em.count(Organisation, { inn: demo.organisation.inn })) > 0;
    if (!exists) await createDemoOrganisation(em, demo);
    for (const person of demo.people) {
      lines.push(
        `Демо ${demo.label}: ${roleLabels[person.role]} ${emailOf(demo, person)} / ${DEMO_PASSWORD}`,
      );
    }
  }

  return lines;
}
