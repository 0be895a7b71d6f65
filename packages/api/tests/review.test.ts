import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Card, CardApplication, JournalEntry, OutboxMessage } from '@orgcard/db';
import { issueCard } from '../src/issuance/issue-card.ts';
import { runDocumentChecks } from '../src/review/run-document-checks.ts';
import { addBusinessDays, serviceLevelOf } from '../src/review/service-level.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { addMember, signedInOperator, signedInPerson } from './support/people.ts';
import {
  submittedApplication,
  type SubmittedApplicationOptions,
} from './support/review-fixtures.ts';

const HOUR = 3_600_000;

describe('the service level', () => {
  it('gives an NPO 24 hours', () => {
    const start = new Date('2026-03-06T12:00:00Z');

    expect(serviceLevelOf('NPO', start, new Date('2026-03-07T11:00:00Z'))).toEqual({
      dueAt: new Date('2026-03-07T12:00:00Z'),
      overdue: false,
      hoursLeft: 1,
    });
    expect(serviceLevelOf('NPO', start, new Date('2026-03-07T12:30:00Z')).overdue).toBe(true);
  });

  it('gives an LLC 5 business days in Moscow, skipping the weekend', () => {
    // Friday 15:00 in Moscow: Mon, Tue, Wed, Thu and Fri are the five days.
    expect(addBusinessDays(new Date('2026-03-06T12:00:00Z'), 5)).toEqual(
      new Date('2026-03-13T12:00:00Z'),
    );
    // Monday 10:00 in Moscow: the same time a week later.
    expect(addBusinessDays(new Date('2026-03-09T07:00:00Z'), 5)).toEqual(
      new Date('2026-03-16T07:00:00Z'),
    );
  });

  it('starts the clock of an application arriving at the weekend on Monday morning, Moscow time', () => {
    // Saturday 23:30 in Moscow (20:30 UTC): the clock starts Monday 00:00, due the next Monday 00:00.
    expect(addBusinessDays(new Date('2026-03-07T20:30:00Z'), 5)).toEqual(
      new Date('2026-03-15T21:00:00Z'),
    );
    // Friday 23:30 UTC is already Saturday 02:30 in Moscow.
    expect(addBusinessDays(new Date('2026-03-06T23:30:00Z'), 5)).toEqual(
      new Date('2026-03-15T21:00:00Z'),
    );
  });
});

describe('the operator review', () => {
  let app: TestApp;
  let operator: Awaited<ReturnType<typeof signedInOperator>>;
  const em = () => app.services.orm.em.fork();
  const asOperator = () => app.caller({ sessionToken: operator.token });

  beforeAll(async () => {
    app = await createTestApp();
    operator = await signedInOperator(app);
  });

  afterAll(async () => {
    await app.close();
  });

  /** A submitted application taken through the real checks into review. */
  async function inReview(options: SubmittedApplicationOptions = {}) {
    const submitted = await submittedApplication(app, options);
    const job = { applicationId: submitted.application.id, run: 1 };
    const outcome = await runDocumentChecks(em(), app.services, job);
    expect(outcome.outcome).toBe('in_review');

    return submitted;
  }

  async function statusOf(applicationId: string) {
    return (await em().findOneOrFail(CardApplication, { id: applicationId })).status;
  }

  it('is closed to members and strangers', async () => {
    const { head } = await inReview();

    await expect(app.caller({ sessionToken: head.token }).review.queue()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(app.caller().review.queue()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lists waiting applications overdue first, then by age, with their service level', async () => {
    const now = Date.now();
    const recentLlc = await inReview();
    const overdueNpo = await inReview({ type: 'NPO' });
    const olderLlc = await inReview();
    const notWaiting = await submittedApplication(app, {});
    await em().nativeUpdate(
      CardApplication,
      { id: overdueNpo.application.id },
      { reviewStartedAt: new Date(now - 30 * HOUR) },
    );
    await em().nativeUpdate(
      CardApplication,
      { id: olderLlc.application.id },
      { reviewStartedAt: new Date(now - 2 * HOUR) },
    );

    const queue = await asOperator().review.queue();

    const ids = queue.map((item) => item.id);
    expect(ids).not.toContain(notWaiting.application.id);
    const mine = ids.filter((id) =>
      [recentLlc, overdueNpo, olderLlc].some(({ application }) => application.id === id),
    );
    expect(mine).toEqual([
      overdueNpo.application.id,
      olderLlc.application.id,
      recentLlc.application.id,
    ]);
    const overdue = queue.find((item) => item.id === overdueNpo.application.id);
    expect(overdue?.serviceLevel).toMatchObject({ overdue: true, hoursLeft: -7 });
    expect(overdue?.organisation.inn).toBe(overdueNpo.organisation.inn);
    expect(queue.find((item) => item.id === recentLlc.application.id)?.serviceLevel.overdue).toBe(
      false,
    );
  });

  it('shows the form, the organisation’s identifiers, the documents and the check results', async () => {
    const { application, organisation, documents } = await inReview();

    const view = await asOperator().review.get({ applicationId: application.id });

    expect(view.application).toMatchObject({
      status: 'in_review',
      tariffName: 'Базовый',
      department: 'Бухгалтерия',
    });
    expect(view.application.holder?.fullName).toBe('Иванов Иван Иванович');
    expect(view.organisation).toMatchObject({
      inn: organisation.inn,
      ogrn: organisation.ogrn,
      kpp: '770101001',
    });
    expect(view.documents.map((document) => document.id).sort()).toEqual(
      documents.map((document) => document.id).sort(),
    );
    expect(view.checks.run).toBe(1);
    expect(view.checks.results.every((result) => result.passed)).toBe(true);
    expect(view.canDecide).toBe(true);
    expect(view.serviceLevel?.overdue).toBe(false);
  });

  it('opens a document decrypted and journals the view as access to sensitive data', async () => {
    const { application, documents, organisation } = await inReview();
    const charter = documents.find((document) => document.kind === 'charter');

    const opened = await asOperator().review.document({
      applicationId: application.id,
      documentId: charter?.id ?? '',
    });

    expect(opened.mediaType).toBe('application/pdf');
    expect(opened.content.subarray(0, 5).toString()).toBe('%PDF-');
    const entry = await em().findOneOrFail(JournalEntry, {
      organisationId: organisation.id,
      action: 'application.document_viewed',
    });
    expect(entry).toMatchObject({
      actorKind: 'operator',
      actorId: operator.operator.id,
      targetId: application.id,
    });
    expect(entry.details).toMatchObject({ documentId: charter?.id, sensitive: true });
  });

  it('does not open a document through another application', async () => {
    const first = await inReview();
    const second = await inReview();

    await expect(
      asOperator().review.document({
        applicationId: first.application.id,
        documentId: second.documents[0]?.id ?? '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('approves: journals as the operator, tells the applicant and queues the issuance', async () => {
    const { application, organisation } = await inReview();

    const result = await asOperator().review.approve({ applicationId: application.id });

    expect(result).toEqual({ applicationId: application.id, status: 'approved' });
    const stored = await em().findOneOrFail(CardApplication, { id: application.id });
    expect(stored.decidedByOperatorId).toBe(operator.operator.id);
    const entry = await em().findOneOrFail(JournalEntry, {
      organisationId: organisation.id,
      action: 'application.approved',
    });
    expect(entry).toMatchObject({
      actorKind: 'operator',
      actorName: 'Ольга Операторова',
      ip: '127.0.0.1',
    });
    const jobs = await em().find(OutboxMessage, { queue: 'card-issuance' });
    expect(jobs.filter((job) => job.payload.applicationId === application.id)).toHaveLength(1);
    const notices = (await em().find(OutboxMessage, { queue: 'notifications' })).filter(
      (row) => (row.payload.data as Record<string, string>).organisation === organisation.shortName,
    );
    expect(notices.filter((row) => row.payload.template === 'application-approved')).toHaveLength(
      2,
    );
  });

  it('rejects with a reason the applicant reads', async () => {
    const { application, organisation } = await inReview();

    await asOperator().review.reject({
      applicationId: application.id,
      reason: 'Руководитель в выписке другой',
    });

    const stored = await em().findOneOrFail(CardApplication, { id: application.id });
    expect(stored).toMatchObject({
      status: 'rejected',
      decisionReason: 'Руководитель в выписке другой',
    });
    const notice = (await em().find(OutboxMessage, { queue: 'notifications' })).find(
      (row) =>
        row.payload.template === 'application-rejected' &&
        (row.payload.data as Record<string, string>).organisation === organisation.shortName,
    );
    expect((notice?.payload.data as Record<string, string>).reason).toBe(
      'Руководитель в выписке другой',
    );
  });

  it('refuses a rejection without a reason, naming the field', async () => {
    const { application } = await inReview();

    await expect(
      asOperator().review.reject({ applicationId: application.id, reason: ' ' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: {
        issues: [
          expect.objectContaining({
            path: ['reason'],
            message: 'Причина отказа: не короче 5 символов',
          }),
        ],
      },
    });
    expect(await statusOf(application.id)).toBe('in_review');
  });

  it('returns for correction with remarks, and the application can come back', async () => {
    const { application, organisation } = await inReview();

    await asOperator().review.returnForCorrection({
      applicationId: application.id,
      remarks: 'Приложите устав в последней редакции',
    });

    const stored = await em().findOneOrFail(CardApplication, { id: application.id });
    expect(stored).toMatchObject({
      status: 'needs_correction',
      correctionRemarks: 'Приложите устав в последней редакции',
    });
    const entry = await em().findOneOrFail(JournalEntry, {
      organisationId: organisation.id,
      action: 'application.returned',
    });
    expect(entry.details).toEqual({ remarks: 'Приложите устав в последней редакции' });
  });

  it('refuses a decision on an application that is not waiting for one', async () => {
    const { application } = await submittedApplication(app, {});

    await expect(
      asOperator().review.approve({ applicationId: application.id }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await statusOf(application.id)).toBe('submitted');
  });

  it('approves once when two operators approve at the same time, and one card comes of it', async () => {
    const { application } = await inReview();
    const other = await signedInOperator(app);

    const outcomes = await Promise.allSettled([
      asOperator().review.approve({ applicationId: application.id }),
      app.caller({ sessionToken: other.token }).review.approve({ applicationId: application.id }),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const jobs = (await em().find(OutboxMessage, { queue: 'card-issuance' })).filter(
      (job) => job.payload.applicationId === application.id,
    );
    expect(jobs).toHaveLength(1);
    expect(
      await em().count(JournalEntry, { action: 'application.approved', targetId: application.id }),
    ).toBe(1);

    await Promise.all([
      issueCard(em(), app.services, application.id),
      issueCard(em(), app.services, application.id),
    ]);
    expect(
      (await asOperator().review.get({ applicationId: application.id })).application.status,
    ).toBe('approved');
    expect(await em().count(Card, { applicationId: application.id })).toBe(1);
  });
});

describe('what the applicant sees of the review', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('reads the check results with their reasons and the run they belong to', async () => {
    const { application, organisation, head } = await submittedApplication(app, {
      documents: () => [],
    });
    await runDocumentChecks(em(), app.services, { applicationId: application.id, run: 1 });

    const checks = await app
      .caller({ sessionToken: head.token })
      .review.checks({ organisationId: organisation.id, applicationId: application.id });

    expect(checks).toMatchObject({ status: 'needs_correction', checkRun: 1, run: 1 });
    expect(
      checks.results.filter((result) => !result.passed).map((result) => result.reason),
    ).toContain('Не хватает документа: устав');
    expect(checks.correctionRemarks).toContain('Не хватает документа: выписка из ЕГРЮЛ');
  });

  it('reads the history newest first, operators shown by role only', async () => {
    const { application, organisation, head } = await submittedApplication(app, {});
    await runDocumentChecks(em(), app.services, { applicationId: application.id, run: 1 });
    const operator = await signedInOperator(app);
    await app
      .caller({ sessionToken: operator.token })
      .review.approve({ applicationId: application.id });
    await issueCard(em(), app.services, application.id);

    const history = await app
      .caller({ sessionToken: head.token })
      .review.history({ organisationId: organisation.id, applicationId: application.id });

    expect(history.map((event) => event.action)).toEqual([
      'card.issued',
      'application.approved',
      'application.checks_passed',
    ]);
    expect(history[1]).toMatchObject({ actorKind: 'operator', actorName: null });
    expect(history[2]).toMatchObject({ actorKind: 'system', run: 1 });
  });

  it('keeps another organisation’s application out of reach', async () => {
    const ours = await submittedApplication(app, {});
    const theirs = await submittedApplication(app, {});

    await expect(
      app.caller({ sessionToken: ours.head.token }).review.checks({
        organisationId: ours.organisation.id,
        applicationId: theirs.application.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      app.caller({ sessionToken: ours.head.token }).review.history({
        organisationId: theirs.organisation.id,
        applicationId: theirs.application.id,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lists and shows cards with the number masked, to members who may view cards', async () => {
    const { application, organisation } = await submittedApplication(app, { status: 'approved' });
    await issueCard(em(), app.services, application.id);
    const employee = await signedInPerson(app, 'Петров Пётр Петрович');
    await addMember(app, organisation, employee, 'employee');
    const asEmployee = app.caller({ sessionToken: employee.token });

    const [card] = await asEmployee.cards.list({ organisationId: organisation.id });
    const detail = await asEmployee.cards.get({
      organisationId: organisation.id,
      cardId: card?.id ?? '',
    });

    expect(card?.numberMasked).toMatch(/^220099\*{6}\d{4}$/);
    expect(detail).toMatchObject({
      status: 'issued',
      holder: { fullName: 'Иванов Иван Иванович' },
    });
    expect(detail.certificate?.status).toBe('awaiting_pin');
    expect(JSON.stringify(detail)).not.toMatch(/\d{16}/);
    const stranger = await submittedApplication(app, {});
    await expect(
      app
        .caller({ sessionToken: stranger.head.token })
        .cards.get({ organisationId: stranger.organisation.id, cardId: card?.id ?? '' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
