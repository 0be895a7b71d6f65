import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalEntry } from '@orgcard/db';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { writeJournal } from '../src/journal/write-journal.ts';
import { verifyJournal } from '../src/journal/verify-journal.ts';

describe('the journal', () => {
  let app: TestApp;
  const organisationId = randomUUID();
  const actor = { kind: 'user', id: randomUUID(), name: 'Иван Петров' } as const;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('chains entries per organisation, each linked to the one before', async () => {
    for (const action of ['member.invited', 'member.joined', 'organisation.updated']) {
      await writeJournal(em(), { organisationId, actor, action });
    }
    await writeJournal(em(), { organisationId: null, actor: { kind: 'anonymous' }, action: 'x' });
    const rows = await em().find(JournalEntry, { organisationId }, { orderBy: { seq: 'asc' } });

    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(rows[0]?.prevHash).toBeNull();
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(await verifyJournal(em(), organisationId)).toEqual({ ok: true, entries: 3 });
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const busy = randomUUID();
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        writeJournal(em(), { organisationId: busy, actor, action: `parallel.${index}` }),
      ),
    );

    expect(await verifyJournal(em(), busy)).toEqual({ ok: true, entries: 20 });
  });

  it('is refused UPDATE and DELETE by the database itself', async () => {
    const connection = em().getConnection();

    await expect(
      connection.execute(`update journal_entry set action = 'forged' where organisation_id = ?`, [
        organisationId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      connection.execute('delete from journal_entry where organisation_id = ?', [organisationId]),
    ).rejects.toThrow(/append-only/);
  });

  it('names the first entry edited behind the application’s back', async () => {
    const connection = em().getConnection();
    // A superuser can switch triggers off; the hash chain still catches the edit.
    await connection.execute(
      `begin;
       set local session_replication_role = replica;
       update journal_entry set action = 'forged' where organisation_id = '${organisationId}' and seq = 2;
       commit;`,
    );

    const verdict = await verifyJournal(em(), organisationId);
    expect(verdict).toMatchObject({ ok: false, reason: 'changed', brokenEntry: { seq: 2 } });
  });

  it('names the gap where an entry was deleted behind its back', async () => {
    const other = randomUUID();
    for (const action of ['a', 'b', 'c', 'd']) {
      await writeJournal(em(), { organisationId: other, actor, action });
    }
    await em()
      .getConnection()
      .execute(
        `begin;
         set local session_replication_role = replica;
         delete from journal_entry where organisation_id = '${other}' and seq = 3;
         commit;`,
      );

    const verdict = await verifyJournal(em(), other);
    expect(verdict).toMatchObject({
      ok: false,
      reason: 'removed_or_reordered',
      brokenEntry: { seq: 4 },
    });
  });
});
