import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash } from '@orgcard/crypto';
import { JournalEntry, type Organisation } from '@orgcard/db';
import { csvCell } from '../src/journal/export-journal-csv.ts';
import { moscowDayStart } from '../src/journal/list-journal.ts';
import { hashedContent, writeJournal, type JournalActor } from '../src/journal/write-journal.ts';
import { createTestApp, type Caller, type TestApp } from '../src/testing/index.ts';
import {
  addMember,
  createOrganisation,
  signedInPerson,
  type SignedInPerson,
} from './support/people.ts';

interface JournalledOrganisation {
  organisation: Organisation;
  head: SignedInPerson;
  /** The head's browser. */
  api: Caller;
  actor: JournalActor;
}

describe('the journal procedures', () => {
  let app: TestApp;
  let counter = 0;

  /** A fresh organisation with a signed-in head, so each test reads a journal of its own. */
  async function journalledOrganisation(): Promise<JournalledOrganisation> {
    counter += 1;
    const organisation = await createOrganisation(app, `Журнал ${counter}`);
    const head = await signedInPerson(app, `Анна Руководитель ${counter}`);
    await addMember(app, organisation, head, 'head');

    return {
      organisation,
      head,
      api: app.caller({ sessionToken: head.token }),
      actor: { kind: 'user', id: head.user.id, name: head.user.fullName },
    };
  }

  async function write(
    organisationId: string | null,
    actor: JournalActor,
    action: string,
    extra: Partial<Parameters<typeof writeJournal>[1]> = {},
  ) {
    await writeJournal(app.services.orm.em.fork(), { organisationId, actor, action, ...extra });
  }

  /** Appends a correctly chained entry at a chosen moment, as if written then. */
  async function writeAt(organisationId: string, occurredAt: Date, action: string) {
    const em = app.services.orm.em.fork();
    const last = await em.findOne(JournalEntry, { organisationId }, { orderBy: { seq: 'desc' } });
    const fields = {
      organisationId,
      seq: (last?.seq ?? 0) + 1,
      occurredAt,
      actorKind: 'system' as const,
      actorId: null,
      actorName: null,
      onBehalfOfId: null,
      onBehalfOfName: null,
      action,
      targetType: null,
      targetId: null,
      ip: null,
      userAgent: null,
      outcome: 'success' as const,
      details: {},
    };
    const prevHash = last?.hash ?? null;
    em.create(JournalEntry, {
      ...fields,
      prevHash,
      hash: chainHash(prevHash, hashedContent(fields)),
    });
    await em.flush();
  }

  async function refusal(call: Promise<unknown>) {
    const error = await call.then(
      () => null,
      (reason: unknown) => reason,
    );
    if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);

    return { code: error.code, field: (error.cause as { field?: string } | undefined)?.field };
  }

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('journal.list', () => {
    it('lists the organisation’s entries newest first, a page at a time', async () => {
      const { organisation, api, actor, head } = await journalledOrganisation();
      for (const action of ['member.invited', 'member.joined', 'member.role_changed']) {
        await write(organisation.id, actor, action);
      }
      await write(organisation.id, actor, 'power_of_attorney.viewed', {
        onBehalfOf: { id: randomUUID(), name: 'Пётр Доверитель' },
        target: { type: 'power_of_attorney', id: 'poa-1' },
        request: { ip: '203.0.113.7', userAgent: 'Firefox' },
      });
      const organisationId = organisation.id;

      const first = await api.journal.list({ organisationId, limit: 3 });
      const second = await api.journal.list({
        organisationId,
        limit: 3,
        cursor: first.nextCursor!,
      });

      expect(first.entries.map((entry) => entry.seq)).toEqual([4, 3, 2]);
      expect(first.entries[0]).toMatchObject({
        action: 'power_of_attorney.viewed',
        actorName: head.user.fullName,
        onBehalfOfName: 'Пётр Доверитель',
        targetType: 'power_of_attorney',
        targetId: 'poa-1',
        ip: '203.0.113.7',
        userAgent: 'Firefox',
        outcome: 'success',
      });
      expect(second.entries.map((entry) => entry.seq)).toEqual([1]);
      expect(second.nextCursor).toBeNull();
    });

    it('shows nothing of another organisation’s journal, whatever the filter', async () => {
      const ours = await journalledOrganisation();
      const theirs = await journalledOrganisation();
      await write(ours.organisation.id, ours.actor, 'member.invited');
      await write(theirs.organisation.id, theirs.actor, 'member.invited');
      await write(null, theirs.actor, 'auth.sign_in');
      const organisationId = ours.organisation.id;

      const all = await ours.api.journal.list({ organisationId });
      const byTheirHead = await ours.api.journal.list({
        organisationId,
        actorId: theirs.head.user.id,
      });
      const actors = await ours.api.journal.actors({ organisationId });

      expect(all.entries.map((entry) => entry.actorName)).toEqual([ours.head.user.fullName]);
      expect(byTheirHead.entries).toEqual([]);
      expect(actors.map((actor) => actor.id)).toEqual([ours.head.user.id]);
    });

    it('filters by Moscow calendar days, from midnight to midnight', async () => {
      const { organisation, api } = await journalledOrganisation();
      // Moscow is UTC+3: 1 May in Moscow runs from 30 April 21:00 to 1 May 21:00 UTC.
      await writeAt(organisation.id, new Date('2024-04-30T20:59:59.999Z'), 'a.last_of_april');
      await writeAt(organisation.id, new Date('2024-04-30T21:00:00.000Z'), 'a.first_of_may');
      await writeAt(organisation.id, new Date('2024-05-01T20:59:59.999Z'), 'a.last_of_may_1');
      await writeAt(organisation.id, new Date('2024-05-01T21:00:00.000Z'), 'a.may_2');
      const organisationId = organisation.id;

      const mayDay = await api.journal.list({
        organisationId,
        from: '2024-05-01',
        to: '2024-05-01',
      });
      const fromMay2 = await api.journal.list({ organisationId, from: '2024-05-02' });
      const untilApril = await api.journal.list({ organisationId, to: '2024-04-30' });

      expect(mayDay.entries.map((entry) => entry.action)).toEqual([
        'a.last_of_may_1',
        'a.first_of_may',
      ]);
      expect(fromMay2.entries.map((entry) => entry.action)).toEqual(['a.may_2']);
      expect(untilApril.entries.map((entry) => entry.action)).toEqual(['a.last_of_april']);
      expect(moscowDayStart('2024-05-01').toISOString()).toBe('2024-04-30T21:00:00.000Z');
    });

    it('filters by person and by action, exactly or by a prefix', async () => {
      const { organisation, api, actor } = await journalledOrganisation();
      const auditor = await signedInPerson(app, 'Ирина Ревизор');
      await addMember(app, organisation, auditor, 'auditor');
      const auditorActor = {
        kind: 'user',
        id: auditor.user.id,
        name: auditor.user.fullName,
      } as const;
      await write(organisation.id, actor, 'member.invited');
      await write(organisation.id, auditorActor, 'member.joined');
      await write(organisation.id, actor, 'power_of_attorney.created');
      // '_' is a LIKE wildcard: a careless prefix match would take this one for a power of attorney.
      await write(organisation.id, actor, 'powerXofXattorney.created');
      const organisationId = organisation.id;
      const actions = async (filter: { actorId?: string; action?: string }) =>
        (await api.journal.list({ organisationId, ...filter })).entries.map(
          (entry) => entry.action,
        );

      expect(await actions({ action: 'member.' })).toEqual(['member.joined', 'member.invited']);
      expect(await actions({ action: 'member.invited' })).toEqual(['member.invited']);
      expect(await actions({ action: 'member' })).toEqual([]);
      expect(await actions({ action: 'power_of_attorney.' })).toEqual([
        'power_of_attorney.created',
      ]);
      expect(await actions({ actorId: auditor.user.id })).toEqual(['member.joined']);
      expect(await actions({ actorId: auditor.user.id, action: 'power_of_attorney.' })).toEqual([]);
    });

    it('refuses a period that ends before it starts, or a date it cannot read, naming the field', async () => {
      const { organisation, api } = await journalledOrganisation();
      const organisationId = organisation.id;

      expect(
        await refusal(api.journal.list({ organisationId, from: '2024-05-02', to: '2024-05-01' })),
      ).toEqual({ code: 'BAD_REQUEST', field: 'to' });
      expect(await refusal(api.journal.list({ organisationId, from: '01.05.2024' }))).toMatchObject(
        {
          code: 'BAD_REQUEST',
        },
      );
      expect(await refusal(api.journal.list({ organisationId, limit: 101 }))).toMatchObject({
        code: 'BAD_REQUEST',
      });
    });
  });

  describe('journal.actors', () => {
    it('offers each person of the journal once, under the name of their latest entry', async () => {
      const { organisation, api, actor, head } = await journalledOrganisation();
      await write(organisation.id, actor, 'member.invited');
      const renamed = { kind: 'user', id: head.user.id, name: 'Анна Новофамильная' } as const;
      await write(organisation.id, renamed, 'member.joined');
      await write(organisation.id, { kind: 'system' }, 'organisation.settings_changed');

      const actors = await api.journal.actors({ organisationId: organisation.id });

      expect(actors).toEqual([{ id: head.user.id, name: 'Анна Новофамильная', kind: 'user' }]);
    });
  });

  describe('journal.verify', () => {
    it('confirms an intact chain and journals the check with its verdict', async () => {
      const { organisation, api, actor, head } = await journalledOrganisation();
      for (const action of ['member.invited', 'member.joined', 'member.removed']) {
        await write(organisation.id, actor, action);
      }
      const organisationId = organisation.id;

      const verdict = await api.journal.verify({ organisationId });
      const again = await api.journal.verify({ organisationId });
      const [latest] = (await api.journal.list({ organisationId, limit: 1 })).entries;

      expect(verdict).toEqual({ ok: true, entries: 3 });
      expect(again).toEqual({ ok: true, entries: 4 });
      expect(latest).toMatchObject({
        seq: 5,
        action: 'journal.verified',
        outcome: 'success',
        actorName: head.user.fullName,
        details: { entries: 4 },
      });
    });

    it('names the first entry changed behind the application’s back and journals the failure', async () => {
      const { organisation, api, actor } = await journalledOrganisation();
      for (const action of ['member.invited', 'member.joined', 'member.removed']) {
        await write(organisation.id, actor, action);
      }
      // A superuser can switch the append-only trigger off; the chain still gives the edit away.
      await app.services.orm.em
        .fork()
        .getConnection()
        .execute(
          `begin;
           set local session_replication_role = replica;
           update journal_entry set actor_name = 'Кто-то другой'
            where organisation_id = '${organisation.id}' and seq = 2;
           commit;`,
        );
      const organisationId = organisation.id;

      const verdict = await api.journal.verify({ organisationId });
      const [latest] = (await api.journal.list({ organisationId, limit: 1 })).entries;

      expect(verdict).toMatchObject({ ok: false, reason: 'changed', brokenEntry: { seq: 2 } });
      expect(latest).toMatchObject({
        action: 'journal.verified',
        outcome: 'failure',
        details: { entries: 3, brokenSeq: 2, reason: 'changed' },
      });
    });
  });

  describe('journal.exportCsv', () => {
    it('exports the filtered journal with a byte order mark, a Russian header and Moscow times', async () => {
      const { organisation, api } = await journalledOrganisation();
      await writeAt(organisation.id, new Date('2024-04-30T20:59:59Z'), 'member.invited');
      await writeAt(organisation.id, new Date('2024-04-30T21:00:00Z'), 'member.joined');
      await writeAt(
        organisation.id,
        new Date('2024-05-01T09:30:00Z'),
        'organisation.settings_changed',
      );
      const organisationId = organisation.id;

      const file = await api.journal.exportCsv({
        organisationId,
        from: '2024-05-01',
        action: 'member.',
      });
      const lines = file.csv.split('\r\n');

      expect(file.fileName).toMatch(
        new RegExp(`^journal-${organisation.inn}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
      );
      expect(
        file.csv.startsWith(
          '\uFEFFВремя (МСК),Кто,От имени,Действие,Объект,IP,Браузер,Результат,Хэш\r\n',
        ),
      ).toBe(true);
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(
        /^2024-05-01 00:00:00,Система,,member\.joined,,,,успешно,[0-9a-f]{64}$/,
      );
      expect(lines[2]).toBe('');
      expect(file.rows).toBe(1);
    });

    it('journals the export as a view of sensitive data', async () => {
      const { organisation, api, actor } = await journalledOrganisation();
      await write(organisation.id, actor, 'member.invited');
      const organisationId = organisation.id;

      await api.journal.exportCsv({ organisationId, action: 'member.' });
      const [latest] = (await api.journal.list({ organisationId, limit: 1 })).entries;

      expect(latest).toMatchObject({
        action: 'journal.exported',
        outcome: 'success',
        details: { rows: 1, action: 'member.', from: null, to: null, actorId: null },
      });
    });

    it('defuses spreadsheet formulas and quotes commas, quotes and line breaks', async () => {
      const { organisation, api } = await journalledOrganisation();
      const attacker: JournalActor = {
        kind: 'user',
        id: randomUUID(),
        name: '=HYPERLINK("http://x.example","y")',
      };
      await write(organisation.id, attacker, 'auth.sign_in', {
        request: { ip: '198.51.100.1', userAgent: 'Agent, "quoted"\nsecond line' },
      });

      const { csv } = await api.journal.exportCsv({ organisationId: organisation.id });

      expect(csv).toContain(
        `"'=HYPERLINK(""http://x.example"",""y"")",,auth.sign_in,,198.51.100.1,"Agent, ""quoted""\nsecond line",`,
      );
      expect(csvCell('+79990000000')).toBe("'+79990000000");
      expect(csvCell('-1')).toBe("'-1");
      expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
      expect(csvCell('\t=1')).toBe("'\t=1");
      expect(csvCell('Иван Петров')).toBe('Иван Петров');
    });
  });
});
