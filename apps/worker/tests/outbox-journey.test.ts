import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevMessage, OutboxMessage } from '@orgcard/db';
import { enqueueJob } from '@orgcard/api';
import { createTestApp, type TestApp } from '@orgcard/api/testing';
import { startPrivateRedis, type PrivateRedis } from '@orgcard/launcher';
import type { RunningWorker } from '../src/worker.ts';
import { eventually, startTestWorker, type TestWorker } from './support.ts';

describe('the outbox journey: procedure → outbox → relay → worker → SMTP', () => {
  let redis: PrivateRedis;
  let app: TestApp;
  let running: TestWorker;
  let worker: RunningWorker;

  const emailsTo = (to: string) => app.services.orm.em.fork().find(DevMessage, { recipient: to });
  const outboxRow = (id: string) => app.services.orm.em.fork().findOneOrFail(OutboxMessage, { id });

  beforeAll(async () => {
    redis = await startPrivateRedis();
    app = await createTestApp({ redisUrl: redis.url });
    running = await startTestWorker(app, 0);
    worker = running.worker;
  });

  afterAll(async () => {
    await running.stop();
    await app.close();
    await redis.stop();
  });

  it('delivers a test email, rendered in Russian, to the SMTP catcher', async () => {
    const { outboxId } = await app
      .caller()
      .dev.sendTestEmail({ to: 'anna@example.ru', name: 'Анна' });
    expect((await outboxRow(outboxId)).status).toBe('pending');

    expect(await worker.relay.tick()).toBe(1);
    const [email] = await eventually(async () => {
      const found = await emailsTo('anna@example.ru');

      return found.length > 0 && found;
    });

    expect(email?.subject).toBe('Проверка доставки писем Orgcard');
    expect(email?.text).toContain('Здравствуйте, Анна!');
    expect(email?.html).toContain('<h1');
    expect((await outboxRow(outboxId)).status).toBe('sent');
  });

  it('keeps the job while Redis is down and delivers it once when Redis returns', async () => {
    await redis.stop();
    const { outboxId } = await app.caller().dev.sendTestEmail({ to: 'boris@example.ru' });

    expect(await worker.relay.tick()).toBe(0);
    const waiting = await outboxRow(outboxId);
    expect(waiting.status).toBe('pending');
    expect(waiting.attempts).toBe(1);

    redis = await startPrivateRedis(undefined, redis.port);
    await eventually(async () => (await worker.relay.tick()) === 1);
    await eventually(async () => (await emailsTo('boris@example.ru')).length === 1);
    expect((await outboxRow(outboxId)).status).toBe('sent');
  });

  it('makes one email of a row relayed twice', async () => {
    const { outboxId } = await app.caller().dev.sendTestEmail({ to: 'vera@example.ru' });
    await worker.relay.tick();
    await eventually(async () => (await emailsTo('vera@example.ru')).length === 1);

    // As if the relay's commit had been lost after the job reached Redis.
    await app.services.orm.em
      .fork()
      .nativeUpdate(OutboxMessage, { id: outboxId }, { status: 'pending' });
    expect(await worker.relay.tick()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    expect(await emailsTo('vera@example.ru')).toHaveLength(1);
  });

  it('writes no job for a change that rolls back', async () => {
    const before = await app.services.orm.em.fork().count(OutboxMessage);
    const failing = app.services.orm.em.fork().transactional(async (em) => {
      enqueueJob(em, 'notifications', {
        channel: 'email',
        to: 'gleb@example.ru',
        template: 'test-email',
        data: {},
      });
      await em.flush();
      throw new Error('the domain change failed');
    });

    await expect(failing).rejects.toThrow('the domain change failed');
    expect(await app.services.orm.em.fork().count(OutboxMessage)).toBe(before);
  });

  it('delivers a job processed twice only once', async () => {
    const { outboxId } = await app.caller().dev.sendTestEmail({ to: 'dina@example.ru' });
    await worker.relay.tick();
    await eventually(async () => (await emailsTo('dina@example.ru')).length === 1);

    const job = await worker.queues.notifications.getJob(outboxId);
    expect(job?.returnvalue).toEqual({ delivered: true });
    await job?.retry('completed');
    const repeated = await eventually(async () => {
      const again = await worker.queues.notifications.getJob(outboxId);

      const repeatedRun = again?.finishedOn && again.returnvalue?.delivered === false;

      return repeatedRun ? again : null;
    });

    expect(repeated.returnvalue).toEqual({ delivered: false });
    expect(await emailsTo('dina@example.ru')).toHaveLength(1);
  });
});
