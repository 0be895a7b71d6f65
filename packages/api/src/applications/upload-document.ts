import { createHash, randomUUID } from 'node:crypto';
import { seal, type Keyring } from '@orgcard/crypto';
import { ApplicationDocument, type DocumentKind, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import {
  applicationTarget,
  findApplication,
  requireEditable,
  type ApplicationActor,
} from './application-basics.ts';
import {
  cleanFileName,
  MAX_APPLICATION_BYTES,
  MAX_DOCUMENT_BYTES,
  sniffMediaType,
  type DocumentMediaType,
} from './document-content.ts';
import { acceptedDocumentKinds, documentKindNames } from './required-documents.ts';

export interface UploadDocumentInput {
  organisationId: string;
  applicationId: string;
  kind: DocumentKind;
  fileName: string;
  content: Uint8Array;
  /** The date printed on the document (YYYY-MM-DD), when the applicant gives one. */
  issuedOn?: string | null;
}

/** The associated data binding a sealed document to its row: a copy elsewhere does not open. */
export function documentSealContext(documentId: string): string {
  return `application_document:${documentId}`;
}

/** Size and format, judged before anything is written. */
function checkContent(content: Uint8Array): DocumentMediaType {
  if (content.byteLength === 0) {
    throw new AppError('invalid_input', 'Файл: файл пустой.', { field: 'file' });
  }
  if (content.byteLength > MAX_DOCUMENT_BYTES) {
    throw new AppError('too_large', 'Файл: больше 10 МБ.', { field: 'file' });
  }
  const mediaType = sniffMediaType(content);
  if (!mediaType) {
    throw new AppError(
      'invalid_input',
      'Файл: допустимы только PDF, JPEG и PNG — содержимое не похоже ни на один из них.',
      { field: 'file' },
    );
  }

  return mediaType;
}

const moscowDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' });

/** A document cannot be dated after today, by Moscow's calendar. */
function checkIssuedOn(issuedOn: string | null | undefined, now: Date): void {
  if (!issuedOn || issuedOn <= moscowDay.format(now)) return;

  throw new AppError('invalid_input', 'Дата документа: не может быть в будущем.', {
    field: 'issuedOn',
  });
}

async function checkTotal(em: EntityManager, applicationId: string, adding: number): Promise<void> {
  const [row] = await em.execute<{ total: string | null }[]>(
    'select sum(size_bytes) as total from application_document where application_id = ?',
    [applicationId],
  );
  if (Number(row?.total ?? 0) + adding <= MAX_APPLICATION_BYTES) return;

  throw new AppError('too_large', 'Документы заявления: вместе больше 50 МБ.', { field: 'file' });
}

/**
 * Stores one document of an application, encrypted at rest with its SHA-256. The format is
 * judged by content; a file over 10 MB, or one that would take the application over 50 MB,
 * is refused with the reason and leaves nothing behind. The row, its sealed content and the
 * journal entry are written in one transaction, under a lock on the application so that two
 * concurrent uploads cannot both slip under the total.
 */
export async function uploadDocument(
  em: EntityManager,
  keyring: Keyring,
  input: UploadDocumentInput,
  actor: ApplicationActor,
  now = new Date(),
): Promise<ApplicationDocument> {
  const mediaType = checkContent(input.content);
  checkIssuedOn(input.issuedOn, now);

  return em.transactional(async (tx) => {
    const application = await findApplication(tx, input.organisationId, input.applicationId, {
      lock: true,
    });
    requireEditable(application);
    if (!acceptedDocumentKinds(application.cardType).includes(input.kind)) {
      throw new AppError('invalid_input', 'Вид документа: не нужен для заявления этого типа.', {
        field: 'kind',
      });
    }
    await checkTotal(tx, application.id, input.content.byteLength);

    const id = randomUUID();
    const document = tx.create(ApplicationDocument, {
      id,
      organisationId: application.organisationId,
      applicationId: application.id,
      kind: input.kind,
      fileName: cleanFileName(input.fileName),
      mediaType,
      sizeBytes: input.content.byteLength,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      issuedOn: input.issuedOn ?? null,
      contentSealed: seal(keyring, input.content, documentSealContext(id)),
      uploadedByUserId: actor.userId,
    });
    await tx.flush();
    await actor.journal(tx, {
      action: 'application.document_uploaded',
      target: applicationTarget(application.id),
      details: {
        documentId: id,
        kind: input.kind,
        kindName: documentKindNames[input.kind],
        sizeBytes: document.sizeBytes,
        sha256: document.sha256,
      },
    });

    return document;
  });
}
