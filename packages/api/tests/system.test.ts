import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMessage } from '@orgcard/db';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { queueNames } from '../src/jobs/queues.ts';
import { toFormErrors } from '../src/forms.ts';

describe('system and development procedures', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('reports the database, Redis and every queue as reachable', async () => {
    const health = await app.caller().system.health();

    expect(health).toMatchObject({ ok: true, database: true, redis: true });
    expect(Object.keys(health.queues).sort()).toEqual([...queueNames].sort());
    expect(health.queues.notifications).toEqual({ waiting: 0, active: 0, failed: 0 });
  });

  it('writes a test email to the outbox and nothing else', async () => {
    const { outboxId } = await app.caller().dev.sendTestEmail({ to: 'ivan@example.ru' });
    const row = await app.services.orm.em.fork().findOneOrFail(OutboxMessage, { id: outboxId });

    expect(row).toMatchObject({ queue: 'notifications', status: 'pending', attempts: 0 });
    expect(row.payload).toEqual({
      channel: 'email',
      to: 'ivan@example.ru',
      template: 'test-email',
      data: {},
    });
  });

  it('names the field and the rule, in Russian, for a malformed address', async () => {
    const before = await app.services.orm.em.fork().count(OutboxMessage);
    const error = await app
      .caller()
      .dev.sendTestEmail({ to: 'not-an-address' })
      .catch((caught: unknown) => caught);

    expect(toFormErrors(error)).toEqual({
      formError: 'Проверьте введённые данные.',
      fieldErrors: { to: ['Адрес почты: неверный формат'] },
    });
    expect(await app.services.orm.em.fork().count(OutboxMessage)).toBe(before);
  });
});

describe('development procedures in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ nodeEnv: 'production' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers "not found" and writes nothing', async () => {
    await expect(app.caller().dev.messages()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(app.caller().dev.sendTestEmail({ to: 'a@b.ru' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await app.services.orm.em.fork().count(OutboxMessage)).toBe(0);
  });
});
