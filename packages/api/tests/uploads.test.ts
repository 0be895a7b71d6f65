import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationDocument, CardApplication, JournalEntry } from '@orgcard/db';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { uploadDocument } from '../src/applications/upload-document.ts';
import { writeJournal } from '../src/journal/write-journal.ts';
import { MAX_DOCUMENT_BYTES } from '../src/applications/document-content.ts';
import { AppError } from '../src/errors.ts';
import {
  organisationWithStaff,
  pdfOfSize,
  sampleJpeg,
  samplePdf,
  samplePng,
  type Person,
} from './support/applicants.ts';

describe('application document uploads', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  async function draft() {
    const staff = await organisationWithStaff(app);
    const organisationId = staff.organisation.id;
    const { id: applicationId } = await staff.head.caller().applications.create({ organisationId });

    return { ...staff, organisationId, applicationId };
  }

  /** The domain function itself, as the web route's procedure calls it, journaling as `person`. */
  function upload(
    person: Person,
    ids: { organisationId: string; applicationId: string },
    content: Buffer,
    fileName = 'file.pdf',
  ) {
    const actor = {
      userId: person.user.id,
      journal: (tx: Parameters<typeof writeJournal>[0], entry: { action: string }) =>
        writeJournal(tx, {
          ...entry,
          organisationId: ids.organisationId,
          actor: { kind: 'user', id: person.user.id, name: person.user.fullName },
        }),
    };

    return uploadDocument(
      em(),
      app.services.secrets.keyring,
      { ...ids, kind: 'charter', fileName, content },
      actor,
    );
  }

  async function documentCount(applicationId: string): Promise<number> {
    return em().count(ApplicationDocument, { applicationId });
  }

  it('judges PDF, JPEG and PNG by their content, whatever their names say', async () => {
    const { head, organisationId, applicationId } = await draft();

    const stored = [
      await head.caller().applications.uploadDocument({
        organisationId,
        applicationId,
        kind: 'charter',
        fileName: 'устав.png',
        content: samplePdf,
      }),
      await head.caller().applications.uploadDocument({
        organisationId,
        applicationId,
        kind: 'charter',
        fileName: 'scan',
        content: sampleJpeg,
      }),
      await head.caller().applications.uploadDocument({
        organisationId,
        applicationId,
        kind: 'charter',
        fileName: 'scan.pdf',
        content: samplePng,
      }),
    ];

    expect(stored.map((document) => document.mediaType)).toEqual([
      'application/pdf',
      'image/jpeg',
      'image/png',
    ]);
    expect(stored[0]).toMatchObject({
      kind: 'charter',
      fileName: 'устав.png',
      sizeBytes: samplePdf.length,
      sha256: createHash('sha256').update(samplePdf).digest('hex'),
    });
  });

  it('keeps the content encrypted at rest and gives it back decrypted, journaling the reading', async () => {
    const { head, accountant, organisationId, applicationId } = await draft();
    const document = await upload(head, { organisationId, applicationId }, samplePdf, 'устав.pdf');

    const [row] = await em()
      .getConnection()
      .execute<{ content_sealed: Buffer }[]>(
        'select content_sealed from application_document where id = ?',
        [document.id],
      );
    const read = await accountant
      .caller()
      .applications.readDocument({ organisationId, applicationId, documentId: document.id });

    expect(row?.content_sealed.includes(samplePdf.subarray(0, 20))).toBe(false);
    expect(Buffer.from(read.content).equals(samplePdf)).toBe(true);
    expect(read).toMatchObject({ fileName: 'устав.pdf', mediaType: 'application/pdf' });
    const viewed = await em().find(JournalEntry, {
      organisationId,
      action: 'application.document_viewed',
    });
    expect(viewed.map((entry) => entry.actorId)).toEqual([accountant.user.id]);
  });

  it('refuses text under a .pdf name with the reason, leaving nothing behind', async () => {
    const { head, organisationId, applicationId } = await draft();
    const text = Buffer.from('Это не PDF, а просто текст, переименованный в .pdf');

    await expect(
      upload(head, { organisationId, applicationId }, text, 'устав.pdf'),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'file',
      message: 'Файл: допустимы только PDF, JPEG и PNG — содержимое не похоже ни на один из них.',
    });
    expect(await documentCount(applicationId)).toBe(0);
    expect(
      await em().count(JournalEntry, { organisationId, action: 'application.document_uploaded' }),
    ).toBe(0);
  });

  it('refuses a file over 10 MB, leaving nothing behind', async () => {
    const { head, organisationId, applicationId } = await draft();

    const refusal = await upload(
      head,
      { organisationId, applicationId },
      pdfOfSize(MAX_DOCUMENT_BYTES + 1),
    ).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'too_large', message: 'Файл: больше 10 МБ.' });
    expect(await documentCount(applicationId)).toBe(0);
  });

  it('takes files of exactly 10 MB up to 50 MB in all, and refuses one byte more', async () => {
    const { head, organisationId, applicationId } = await draft();
    for (let file = 0; file < 5; file++) {
      await upload(head, { organisationId, applicationId }, pdfOfSize(MAX_DOCUMENT_BYTES));
    }

    await expect(
      upload(head, { organisationId, applicationId }, pdfOfSize(6)),
    ).rejects.toMatchObject({
      code: 'too_large',
      message: 'Документы заявления: вместе больше 50 МБ.',
    });
    expect(await documentCount(applicationId)).toBe(5);
  });

  it('keeps the 50 MB total when six uploads of 10 MB race each other', async () => {
    const { head, organisationId, applicationId } = await draft();

    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        upload(head, { organisationId, applicationId }, pdfOfSize(MAX_DOCUMENT_BYTES)),
      ),
    );

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5);
    expect(await documentCount(applicationId)).toBe(5);
  });

  it('refuses an empty file and a kind the card type does not use', async () => {
    const { head, organisationId, applicationId } = await draft();

    await expect(
      upload(head, { organisationId, applicationId }, Buffer.alloc(0)),
    ).rejects.toMatchObject({
      message: 'Файл: файл пустой.',
    });
    await expect(
      head.caller().applications.uploadDocument({
        organisationId,
        applicationId,
        kind: 'registration_certificate',
        fileName: 'свидетельство.pdf',
        content: samplePdf,
      }),
    ).rejects.toMatchObject({ message: 'Вид документа: не нужен для заявления этого типа.' });
    expect(await documentCount(applicationId)).toBe(0);
  });

  it('refuses a document dated in the future', async () => {
    const { head, organisationId, applicationId } = await draft();

    await expect(
      head.caller().applications.uploadDocument({
        organisationId,
        applicationId,
        kind: 'registry_extract',
        fileName: 'выписка.pdf',
        issuedOn: '2999-01-01',
        content: samplePdf,
      }),
    ).rejects.toMatchObject({ message: 'Дата документа: не может быть в будущем.' });
  });

  it('removes a document from a draft, and neither adds nor removes once sent', async () => {
    const { head, organisationId, applicationId } = await draft();
    const kept = await upload(head, { organisationId, applicationId }, samplePdf);
    const dropped = await upload(head, { organisationId, applicationId }, samplePdf);

    await head
      .caller()
      .applications.removeDocument({ organisationId, applicationId, documentId: dropped.id });
    await em().nativeUpdate(CardApplication, { id: applicationId }, { status: 'submitted' });

    await expect(
      head
        .caller()
        .applications.removeDocument({ organisationId, applicationId, documentId: kept.id }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(upload(head, { organisationId, applicationId }, samplePdf)).rejects.toMatchObject({
      code: 'invalid_state',
    });
    expect((await em().find(ApplicationDocument, { applicationId })).map((row) => row.id)).toEqual([
      kept.id,
    ]);
    expect(
      await em().count(JournalEntry, { organisationId, action: 'application.document_removed' }),
    ).toBe(1);
  });

  it('lets an accountant download but not upload', async () => {
    const { accountant, organisationId, applicationId } = await draft();

    await expect(
      accountant.caller().applications.uploadDocument({
        organisationId,
        applicationId,
        kind: 'charter',
        fileName: 'устав.pdf',
        content: samplePdf,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('finds no document of another organisation’s application', async () => {
    const { head, organisationId, applicationId } = await draft();
    const document = await upload(head, { organisationId, applicationId }, samplePdf);
    const other = await organisationWithStaff(app, 'LLC', 'Чужая');

    await expect(
      other.head.caller().applications.readDocument({
        organisationId: other.organisation.id,
        applicationId,
        documentId: document.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
