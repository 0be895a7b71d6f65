import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import {
  ApplicationDocument,
  CardApplication,
  DocumentCheck,
  JournalEntry,
  OutboxMessage,
} from '@orgcard/db';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { runDocumentChecks } from '../src/review/run-document-checks.ts';
import {
  daysAgo,
  jpegImage,
  pdfWithText,
  pngImage,
  submittedApplication,
  validDocuments,
  type DocumentSpec,
  type SubmittedApplicationOptions,
} from './support/review-fixtures.ts';

describe('the automatic document checks', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  async function check(options: SubmittedApplicationOptions = {}) {
    const submitted = await submittedApplication(app, options);
    const job = { applicationId: submitted.application.id, run: submitted.application.checkRun };
    const result = await runDocumentChecks(app.services.orm.em.fork(), app.services, job);
    const application = await em().findOneOrFail(CardApplication, { id: submitted.application.id });
    const checks = await em().find(
      DocumentCheck,
      { applicationId: application.id },
      { orderBy: { check: 'asc' } },
    );

    return {
      ...submitted,
      result,
      application,
      checks,
      failures: checks.filter((row) => !row.passed),
    };
  }

  /** The valid set with the document of `kind` replaced. */
  function withDocument(spec: DocumentSpec) {
    return async (organisation: Parameters<typeof validDocuments>[0]) => [
      ...(await validDocuments(organisation)).filter((document) => document.kind !== spec.kind),
      spec,
    ];
  }

  async function failureReasons(spec: DocumentSpec): Promise<string[]> {
    const { failures, application } = await check({ documents: withDocument(spec) });
    expect(application.status).toBe('needs_correction');

    return failures.map((row) => row.reason);
  }

  it('sends a complete, valid LLC application to review and tells the applicant', async () => {
    const { result, application, checks, organisation, head } = await check();

    expect(result).toEqual({ outcome: 'in_review', failed: 0 });
    expect(application.status).toBe('in_review');
    expect(application.reviewStartedAt).toBeInstanceOf(Date);
    expect(application.correctionRemarks).toBeNull();
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.every((row) => row.passed && row.run === 1)).toBe(true);
    expect(checks.map((row) => row.reason)).toContain(
      `ИНН организации ${organisation.inn} найден в выписке`,
    );

    const journal = await em().find(JournalEntry, { organisationId: organisation.id });
    expect(journal.map((entry) => [entry.action, entry.actorKind, entry.targetId])).toEqual([
      ['application.checks_passed', 'system', application.id],
    ]);
    const messages = await em().find(OutboxMessage, { queue: 'notifications' });
    const mine = messages.filter(
      (row) => (row.payload.data as Record<string, string>).organisation === organisation.shortName,
    );
    expect(mine.find((row) => row.payload.channel === 'email')?.payload.to).toBe(head.user.email);
    expect(mine.map((row) => [row.payload.channel, row.payload.template]).sort()).toEqual([
      ['email', 'application-in-review'],
      ['sms', 'application-in-review'],
    ]);
  });

  it('sends a complete NPO application to review', async () => {
    const { application, failures } = await check({ type: 'NPO' });

    expect(failures).toEqual([]);
    expect(application.status).toBe('in_review');
  });

  it('refuses a file whose content is not of its declared type', async () => {
    const reasons = await failureReasons({
      kind: 'charter',
      mediaType: 'application/pdf',
      content: pngImage(),
    });

    expect(reasons).toEqual(['Содержимое файла не соответствует формату PDF']);
  });

  it('refuses an empty file and a file over 10 MB', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]);

    expect(await failureReasons({ kind: 'charter', content: big })).toEqual([
      'Файл больше 10 МБ: 10 МБ',
    ]);
    expect(await failureReasons({ kind: 'charter', content: Buffer.alloc(0) })).toContain(
      'Файл пуст',
    );
  });

  it('refuses a PDF that does not open', async () => {
    const broken = Buffer.from(
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer\n%%EOF',
    );

    expect(await failureReasons({ kind: 'charter', content: broken })).toEqual([
      expect.stringMatching(/^PDF не читается: /),
    ]);
  });

  it('refuses a PDF without a single page', async () => {
    const empty = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));

    expect(await failureReasons({ kind: 'charter', content: empty })).toEqual([
      'PDF не читается: в файле нет ни одной страницы',
    ]);
  });

  it('refuses a PNG whose chunk checksum is broken', async () => {
    const png = pngImage();
    png[30] = (png[30] ?? 0) ^ 0xff; // a byte of the IHDR chunk's data

    expect(
      await failureReasons({ kind: 'founders_decision', mediaType: 'image/png', content: png }),
    ).toEqual(['Изображение не читается: неверная контрольная сумма блока IHDR']);
  });

  it('refuses a PNG cut short and a JPEG without its end or frame header', async () => {
    const png = pngImage();
    const jpeg = jpegImage();
    const noFrame = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00, 0xff, 0xd9]);

    expect(
      await failureReasons({
        kind: 'founders_decision',
        mediaType: 'image/png',
        content: png.subarray(0, png.length - 12),
      }),
    ).toEqual(['Изображение не читается: файл обрезан: нет блока IEND']);
    expect(
      await failureReasons({
        kind: 'bank_certificate',
        mediaType: 'image/jpeg',
        content: jpeg.subarray(0, jpeg.length - 2),
      }),
    ).toEqual(['Изображение не читается: файл обрезан: нет маркера конца']);
    expect(
      await failureReasons({ kind: 'bank_certificate', mediaType: 'image/jpeg', content: noFrame }),
    ).toEqual(['Изображение не читается: нет заголовка кадра (SOF)']);
  });

  it('refuses a file damaged at rest', async () => {
    const content = await pdfWithText(['Charter']);

    expect(await failureReasons({ kind: 'charter', content, sha256: '0'.repeat(64) })).toEqual([
      'Файл повреждён: контрольная сумма не совпадает с загруженной',
    ]);
  });

  it('refuses a registry extract older than 30 days, naming its date', async () => {
    const { failures } = await check({
      documents: async (organisation) =>
        (await validDocuments(organisation)).map((document) =>
          document.kind === 'registry_extract' ? { ...document, issuedOn: '2026-01-05' } : document,
        ),
    });

    expect(failures.map((row) => [row.check, row.reason])).toEqual([
      ['extract_fresh', 'Выписка из ЕГРЮЛ старше 30 дней: выдана 05.01.2026'],
    ]);
  });

  it('accepts an extract of exactly 30 days and refuses one dated in the future', async () => {
    const dated =
      (issuedOn: string) => async (organisation: Parameters<typeof validDocuments>[0]) =>
        (await validDocuments(organisation)).map((document) =>
          document.kind === 'registry_extract' ? { ...document, issuedOn } : document,
        );

    expect((await check({ documents: dated(daysAgo(30)) })).failures).toEqual([]);
    const future = await check({ documents: dated(daysAgo(-3)) });
    expect(future.failures.map((row) => row.reason)).toEqual([
      expect.stringMatching(/^Дата выписки из ЕГРЮЛ в будущем: \d\d\.\d\d\.\d{4}$/),
    ]);
  });

  it('refuses a text extract that names another organisation', async () => {
    const { failures, organisation } = await check({
      documents: async (own) => [
        ...(await validDocuments(own)).filter((document) => document.kind !== 'registry_extract'),
        {
          kind: 'registry_extract',
          content: await pdfWithText(['INN 7707083893', 'OGRN 1027700132195']),
          issuedOn: daysAgo(1),
        },
      ],
    });

    expect(failures.map((row) => row.reason).sort()).toEqual([
      `ИНН организации ${organisation.inn} не найден в выписке`,
      `ОГРН организации ${organisation.ogrn} не найден в выписке`,
    ]);
  });

  it('leaves the identifiers to the operator when the extract has no text to read', async () => {
    const { failures, checks } = await check({
      documents: withDocument({
        kind: 'registry_extract',
        content: await pdfWithText([]),
        issuedOn: daysAgo(2),
      }),
    });

    expect(failures).toEqual([]);
    expect(checks.find((row) => row.check === 'extract_inn')?.reason).toBe(
      'Текст выписки не извлекается: сверку ИНН и ОГРН выполнит оператор',
    );
  });

  it('names every missing required document', async () => {
    const { failures, application } = await check({
      type: 'NPO',
      documents: async (organisation) =>
        (await validDocuments(organisation)).filter(
          (document) => document.kind === 'registry_extract',
        ),
    });

    expect(failures.map((row) => [row.documentId, row.reason]).sort()).toEqual([
      [null, 'Не хватает документа: решение уполномоченного органа'],
      [null, 'Не хватает документа: свидетельство о регистрации НКО'],
      [null, 'Не хватает документа: справка об открытии банковского счёта'],
      [null, 'Не хватает документа: устав'],
    ]);
    expect(application.correctionRemarks?.split('\n')).toHaveLength(4);
  });

  it('refuses an organisation whose INN or OGRN fails its control digit', async () => {
    const { failures } = await check({ inn: '7707083894', ogrn: '1027700132196' });

    expect(failures.map((row) => row.reason)).toEqual(
      expect.arrayContaining([
        'ИНН организации 7707083894: неверная контрольная цифра',
        'ОГРН организации 1027700132196: неверная контрольная цифра',
      ]),
    );
  });

  it('lists every failure in the remarks, journals the outcome and tells the applicant', async () => {
    const { application, head, organisation } = await check({
      documents: async (own) => [
        ...(await validDocuments(own)).filter(
          (document) => !['charter', 'bank_certificate'].includes(document.kind),
        ),
        { kind: 'charter', content: Buffer.from('not a pdf'), fileName: 'устав.pdf' },
      ],
    });

    expect(application.correctionRemarks).toBe(
      [
        '— устав «устав.pdf»: Содержимое файла не соответствует формату PDF',
        '— Не хватает документа: справка об открытии банковского счёта',
      ].join('\n'),
    );
    const [entry] = await em().find(JournalEntry, { organisationId: organisation.id });
    expect(entry).toMatchObject({
      action: 'application.checks_failed',
      outcome: 'failure',
      actorKind: 'system',
    });
    const email = await em().findOneOrFail(OutboxMessage, { payload: { to: head.user.email } });
    expect(email.payload).toMatchObject({ template: 'application-needs-correction' });
    expect((email.payload.data as Record<string, string>).remarks).toContain('устав.pdf');
  });

  it('changes nothing when the same job runs again', async () => {
    const { application, checks } = await check();
    const job = { applicationId: application.id, run: 1 };

    const again = await runDocumentChecks(em(), app.services, job);

    expect(again).toEqual({ outcome: 'skipped' });
    expect(await em().count(DocumentCheck, { applicationId: application.id })).toBe(checks.length);
    expect(await em().count(JournalEntry, { organisationId: application.organisationId })).toBe(1);
  });

  it('skips a job of an earlier run, and keeps each run apart after a resubmission', async () => {
    const first = await check({
      documents: withDocument({ kind: 'charter', content: Buffer.from('oops') }),
    });
    expect(first.application.status).toBe('needs_correction');

    // The applicant fixes the charter and resubmits: the submit step starts run 2.
    await em().nativeUpdate(
      CardApplication,
      { id: first.application.id },
      { status: 'submitted', checkRun: 2 },
    );
    const stale = await runDocumentChecks(em(), app.services, {
      applicationId: first.application.id,
      run: 1,
    });
    expect(stale).toEqual({ outcome: 'skipped' });
    expect((await em().findOneOrFail(CardApplication, { id: first.application.id })).status).toBe(
      'submitted',
    );

    const charter = first.documents.find((document) => document.kind === 'charter');
    await em().nativeDelete(ApplicationDocument, { id: charter?.id });
    const fixed = await submittedApplication(app, {});
    await em().nativeUpdate(
      ApplicationDocument,
      { applicationId: fixed.application.id, kind: 'charter' },
      {
        applicationId: first.application.id,
        organisationId: first.organisation.id,
      },
    );
    // The moved charter is sealed for its own row id, so it still opens.
    const second = await runDocumentChecks(em(), app.services, {
      applicationId: first.application.id,
      run: 2,
    });

    expect(second).toEqual({ outcome: 'in_review', failed: 0 });
    const runs = await em().find(DocumentCheck, { applicationId: first.application.id });
    expect(new Set(runs.map((row) => row.run))).toEqual(new Set([1, 2]));
    expect(runs.filter((row) => row.run === 2).every((row) => row.passed)).toBe(true);
  });
});
