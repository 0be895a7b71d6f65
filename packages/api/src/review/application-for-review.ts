import { open, type Keyring } from '@orgcard/crypto';
import {
  ApplicationDocument,
  CardApplication,
  Member,
  Organisation,
  StateFee,
  User,
  type EntityManager,
} from '@orgcard/db';
import { applicationNumber, applicationTarget } from '../applications/application-basics.ts';
import { documentKindNames } from '../applications/required-documents.ts';
import { tariffFor } from '../applications/tariffs.ts';
import { documentSealContext } from '../applications/upload-document.ts';
import { AppError } from '../errors.ts';
import { writeJournal } from '../journal/write-journal.ts';
import type { RequestInfo } from '../trpc/context.ts';
import { latestCheckResults } from './check-results.ts';
import type { DecidingOperator } from './decide-application.ts';
import { serviceLevelOf } from './service-level.ts';

async function findForReview(em: EntityManager, applicationId: string): Promise<CardApplication> {
  const application = await em.findOne(CardApplication, { id: applicationId });
  // Drafts are the applicant's own business until they are sent.
  if (!application || application.status === 'draft' || application.status === 'awaiting_fee') {
    throw new AppError('not_found', 'Заявление не найдено.');
  }

  return application;
}

async function holderOf(em: EntityManager, application: CardApplication) {
  if (!application.holderMemberId) return null;
  const member = await em.findOne(Member, {
    id: application.holderMemberId,
    organisationId: application.organisationId,
  });
  const user = member ? await em.findOne(User, { id: member.userId }) : null;

  return member && user
    ? { memberId: member.id, fullName: user.fullName, role: member.role }
    : null;
}

function organisationCard(organisation: Organisation) {
  const {
    id,
    type,
    fullName,
    shortName,
    inn,
    ogrn,
    kpp,
    legalAddress,
    postalAddress,
    email,
    phone,
    status,
  } = organisation;

  return {
    id,
    type,
    fullName,
    shortName,
    inn,
    ogrn,
    kpp,
    legalAddress,
    postalAddress,
    email,
    phone,
    status,
  };
}

function documentRow(document: ApplicationDocument) {
  return {
    id: document.id,
    kind: document.kind,
    kindName: documentKindNames[document.kind],
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    issuedOn: document.issuedOn ?? null,
    uploadedAt: document.uploadedAt,
  };
}

/**
 * Everything an operator needs to decide on one application: the form, the organisation's
 * identifiers, the applicant, the fee, the documents (without content), the latest check
 * results and the service level while it waits.
 */
export async function applicationForReview(
  em: EntityManager,
  applicationId: string,
  now: Date = new Date(),
) {
  const application = await findForReview(em, applicationId);
  const organisation = await em.findOneOrFail(Organisation, { id: application.organisationId });
  const applicant = await em.findOneOrFail(User, { id: application.applicantUserId });
  const fee = await em.findOne(StateFee, { applicationId, organisationId: organisation.id });
  const documents = await em.find(
    ApplicationDocument,
    { applicationId, organisationId: organisation.id },
    { orderBy: { uploadedAt: 'asc' } },
  );
  const waiting = application.status === 'in_review';
  const startedAt = application.reviewStartedAt ?? application.submittedAt ?? application.createdAt;

  return {
    application: {
      id: application.id,
      number: applicationNumber(application.id),
      cardType: application.cardType,
      status: application.status,
      purpose: application.purpose ?? null,
      department: application.department ?? null,
      tariffCode: application.tariffCode ?? null,
      tariffName: tariffFor(application.tariffCode ?? '')?.name ?? null,
      holder: await holderOf(em, application),
      checkRun: application.checkRun,
      submittedAt: application.submittedAt ?? null,
      reviewStartedAt: application.reviewStartedAt ?? null,
      decidedAt: application.decidedAt ?? null,
      decisionReason: application.decisionReason ?? null,
      correctionRemarks: application.correctionRemarks ?? null,
    },
    organisation: organisationCard(organisation),
    applicant: { fullName: applicant.fullName, email: applicant.email, phone: applicant.phone },
    fee: fee
      ? {
          status: fee.status,
          amountKopecks: fee.amountKopecks,
          uin: fee.uin,
          paidAt: fee.paidAt ?? null,
        }
      : null,
    documents: documents.map(documentRow),
    checks: await latestCheckResults(em, organisation.id, applicationId),
    serviceLevel: waiting ? serviceLevelOf(application.cardType, startedAt, now) : null,
    canDecide: waiting,
  };
}

export interface OpenedDocument {
  fileName: string;
  mediaType: ApplicationDocument['mediaType'];
  content: Buffer;
}

/**
 * Decrypts a document for an operator to read in the browser. Each opening is journaled in the
 * organisation's chain as a view of sensitive data, with the operator and their address.
 */
export async function openDocumentForReview(
  em: EntityManager,
  keyring: Keyring,
  operator: DecidingOperator,
  ref: { applicationId: string; documentId: string },
  request: RequestInfo | null = null,
): Promise<OpenedDocument> {
  const application = await findForReview(em, ref.applicationId);
  const document = await em.findOne(
    ApplicationDocument,
    {
      id: ref.documentId,
      applicationId: application.id,
      organisationId: application.organisationId,
    },
    { populate: ['contentSealed'] },
  );
  if (!document) throw new AppError('not_found', 'Документ не найден.');

  const content = open(keyring, document.contentSealed.$, documentSealContext(document.id));
  await writeJournal(em.fork(), {
    organisationId: application.organisationId,
    actor: { kind: 'operator', id: operator.id, name: operator.fullName },
    action: 'application.document_viewed',
    target: applicationTarget(application.id),
    details: { documentId: document.id, kind: document.kind, sensitive: true },
    request,
  });

  return { fileName: document.fileName, mediaType: document.mediaType, content };
}
