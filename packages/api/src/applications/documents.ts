import { open, type Keyring } from '@orgcard/crypto';
import { ApplicationDocument, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import {
  applicationTarget,
  findApplication,
  requireEditable,
  type ApplicationActor,
} from './application-basics.ts';
import { documentSealContext } from './upload-document.ts';

interface DocumentRef {
  organisationId: string;
  applicationId: string;
  documentId: string;
}

async function findDocument(em: EntityManager, ref: DocumentRef, withContent = false) {
  const document = await em.findOne(
    ApplicationDocument,
    { id: ref.documentId, applicationId: ref.applicationId, organisationId: ref.organisationId },
    withContent ? { populate: ['contentSealed'] } : {},
  );
  if (!document) throw new AppError('not_found', 'Документ не найден.');

  return document;
}

/** Removes a document while the application may still be changed; the journal keeps the fact. */
export async function removeDocument(
  em: EntityManager,
  ref: DocumentRef,
  actor: ApplicationActor,
): Promise<void> {
  await em.transactional(async (tx) => {
    const application = await findApplication(tx, ref.organisationId, ref.applicationId, {
      lock: true,
    });
    requireEditable(application);
    const document = await findDocument(tx, ref);
    tx.remove(document);
    await tx.flush();
    await actor.journal(tx, {
      action: 'application.document_removed',
      target: applicationTarget(application.id),
      details: { documentId: document.id, kind: document.kind, sha256: document.sha256 },
    });
  });
}

export interface DocumentContent {
  fileName: string;
  mediaType: ApplicationDocument['mediaType'];
  sha256: string;
  content: Buffer;
}

/**
 * Decrypts a document for a member allowed to read the application. Each reading is
 * journaled: the documents carry the organisation's and its people's details.
 */
export async function readDocument(
  em: EntityManager,
  keyring: Keyring,
  ref: DocumentRef,
  actor: ApplicationActor,
): Promise<DocumentContent> {
  const document = await findDocument(em, ref, true);
  const content = open(keyring, document.contentSealed.$, documentSealContext(document.id));
  await em.transactional(async (tx) => {
    await actor.journal(tx, {
      action: 'application.document_viewed',
      target: applicationTarget(ref.applicationId),
      details: { documentId: document.id, kind: document.kind },
    });
  });

  return {
    fileName: document.fileName,
    mediaType: document.mediaType,
    sha256: document.sha256,
    content,
  };
}
