import { createMailer, DevSmsProvider, startSmtpCatcher, type SmtpCatcher } from '@orgcard/api';
import type { TestApp } from '@orgcard/api/testing';
import { freePort } from '@orgcard/launcher';
import { startWorker, type RunningWorker } from '../src/worker.ts';

/** Polls `probe` until it yields something truthy, or fails after `ms`. */
export async function eventually<T>(
  probe: () => Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface TestWorker {
  worker: RunningWorker;
  catcher: SmtpCatcher;
  stop(): Promise<void>;
}

/**
 * The real worker on a test app's database and Redis prefix, delivering email to a local SMTP
 * catcher. `outboxPollMs: 0` leaves the relay to be ticked by the test.
 */
export async function startTestWorker(app: TestApp, outboxPollMs: number): Promise<TestWorker> {
  const catcher = await startSmtpCatcher(app.services.orm.em, await freePort());
  const worker = startWorker({
    orm: app.services.orm,
    redisUrl: app.services.config.redisUrl,
    queuePrefix: app.services.config.queuePrefix,
    logger: app.services.logger,
    channels: {
      mailer: createMailer(`smtp://127.0.0.1:${catcher.port}`, 'Orgcard <no-reply@orgcard.test>'),
      sms: new DevSmsProvider(app.services.orm.em),
    },
    domain: app.services,
    concurrency: 2,
    outboxPollMs,
  });

  return {
    worker,
    catcher,
    async stop() {
      await worker.stop();
      await catcher.close();
    },
  };
}
