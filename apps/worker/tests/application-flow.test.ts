import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Card, CardApplication, DevMessage, Organisation, type EntityManager } from '@orgcard/db';
import { enqueueJob } from '@orgcard/api';
import { createTestApp, type TestApp } from '@orgcard/api/testing';
import { signedInOperator } from '../../../packages/api/tests/support/people.ts';
import {
  submittedApplication,
  validDocuments,
  type SubmittedApplicationOptions,
} from '../../../packages/api/tests/support/review-fixtures.ts';
import { eventually, startTestWorker, type TestWorker } from './support.ts';

describe('an application through the real queues: checks → review → issuance', () => {
  let app: TestApp;
  let running: TestWorker;
  const em = (): EntityManager => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
    // The relay polls as in production, so every job travels outbox → relay → queue → worker.
    running = await startTestWorker(app, 100);
  });

  afterAll(async () => {
    await running.stop();
    await app.close();
  });

  /** A submitted application whose `document-checks` job waits in the outbox, as submit leaves it. */
  async function submit(options: SubmittedApplicationOptions = {}) {
    const submitted = await submittedApplication(app, options);
    const tx = em();
    enqueueJob(tx, 'document-checks', { applicationId: submitted.application.id, run: 1 });
    await tx.flush();

    return submitted;
  }

  const statusBecomes = (applicationId: string, status: CardApplication['status']) =>
    eventually(async () => {
      const application = await em().findOneOrFail(CardApplication, { id: applicationId });

      return application.status === status && application;
    });

  const messagesTo = (recipient: string) =>
    em().find(DevMessage, { recipient }, { orderBy: { createdAt: 'asc' } });

  it('checks, approves and issues one card, telling the applicant at every step', async () => {
    const { application, organisation, head } = await submit();

    await statusBecomes(application.id, 'in_review');
    const operator = await signedInOperator(app);
    await app
      .caller({ sessionToken: operator.token })
      .review.approve({ applicationId: application.id });
    const card = await eventually(() => em().findOne(Card, { applicationId: application.id }));

    expect(card).toMatchObject({ status: 'issued', organisationId: organisation.id });
    expect((await em().findOneOrFail(Organisation, { id: organisation.id })).status).toBe(
      'confirmed',
    );
    const emails = await eventually(async () => {
      const found = await messagesTo(head.user.email);

      return found.length >= 3 && found;
    });
    expect(emails.map((email) => email.subject).sort()).toEqual([
      'Заявление на рассмотрении',
      'Заявление одобрено',
      'Карта выпущена',
    ]);
    const issued = emails.find((email) => email.subject === 'Карта выпущена');
    expect(issued?.text).toContain('активируйте её кодом из SMS и задайте ПИН');
    const sms = await eventually(async () => {
      const found = (await messagesTo(head.user.phone)).filter((message) =>
        message.text.includes(card.numberMasked),
      );

      return found.length > 0 && found;
    });
    expect(sms[0]?.text).toContain('Активируйте её кодом из SMS и задайте ПИН');
  });

  it('sends a failing application back for correction with the reasons', async () => {
    const { application, head } = await submit({
      documents: async (organisation) =>
        (await validDocuments(organisation)).filter((document) => document.kind !== 'charter'),
    });

    const returned = await statusBecomes(application.id, 'needs_correction');

    expect(returned.correctionRemarks).toBe('— Не хватает документа: устав');
    const [email] = await eventually(async () => {
      const found = await messagesTo(head.user.email);

      return found.length > 0 && found;
    });
    expect(email?.subject).toBe('Заявление требует исправления');
    expect(email?.text).toContain('Не хватает документа: устав');
  });

  it('makes one card when the issuance job runs again', async () => {
    const { application } = await submit();
    await statusBecomes(application.id, 'in_review');
    const operator = await signedInOperator(app);
    await app
      .caller({ sessionToken: operator.token })
      .review.approve({ applicationId: application.id });
    await eventually(() => em().findOne(Card, { applicationId: application.id }));

    const [job] = (await running.worker.queues['card-issuance'].getJobs(['completed'])).filter(
      (candidate) => (candidate.data as { applicationId: string }).applicationId === application.id,
    );
    expect(job?.returnvalue).toMatchObject({ outcome: 'issued' });
    await job?.retry('completed');
    const repeated = await eventually(async () => {
      const again = await running.worker.queues['card-issuance'].getJob(job?.id ?? '');

      return again?.finishedOn && again.returnvalue?.outcome === 'already_issued' ? again : null;
    });

    expect(repeated.returnvalue).toMatchObject({ outcome: 'already_issued' });
    expect(await em().count(Card, { applicationId: application.id })).toBe(1);
  });
});
