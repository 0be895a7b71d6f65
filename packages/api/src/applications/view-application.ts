import {
  ApplicationDocument,
  CardApplication,
  Member,
  StateFee,
  User,
  type DocumentKind,
  type EntityManager,
} from '@orgcard/db';
import { checkOrganisationAccess } from '../auth/organisation-access.ts';
import { AppError } from '../errors.ts';
import { applicationNumber, editableStatuses, findApplication } from './application-basics.ts';
import { isHead, missingForSubmission } from './completeness.ts';
import { MAX_APPLICATION_BYTES, MAX_DOCUMENT_BYTES } from './document-content.ts';
import { acceptedDocumentKinds, requiredDocumentKinds } from './required-documents.ts';
import { tariffsFor } from './tariffs.ts';

/** Whether the user may change applications of the organisation (head, administrator...). */
export async function mayManageApplications(
  em: EntityManager,
  userId: string,
  organisationId: string,
) {
  try {
    await checkOrganisationAccess(em, userId, organisationId, 'applications.manage');

    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') return false;
    throw error;
  }
}

/** The fields of an application that pages and integrators read. */
export function applicationSummary(application: CardApplication) {
  return {
    id: application.id,
    number: applicationNumber(application.id),
    organisationId: application.organisationId,
    cardType: application.cardType,
    status: application.status,
    step: application.step,
    purpose: application.purpose ?? null,
    holderMemberId: application.holderMemberId ?? null,
    department: application.department ?? null,
    tariffCode: application.tariffCode ?? null,
    checkRun: application.checkRun,
    submittedAt: application.submittedAt ?? null,
    correctionRemarks: application.correctionRemarks ?? null,
    decisionReason: application.decisionReason ?? null,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
}

/** Active members who may hold the card, with their names. */
async function holderCandidates(em: EntityManager, organisationId: string) {
  const members = await em.find(Member, { organisationId, status: 'active' });
  const users = await em.find(User, { id: { $in: members.map((member) => member.userId) } });
  const names = new Map(users.map((user) => [user.id, user.fullName]));

  return members
    .map((member) => ({
      memberId: member.id,
      fullName: names.get(member.userId) ?? '',
      role: member.role,
    }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
}

async function documentsOf(em: EntityManager, application: CardApplication) {
  const documents = await em.find(
    ApplicationDocument,
    { applicationId: application.id, organisationId: application.organisationId },
    { orderBy: { uploadedAt: 'asc' } },
  );

  return documents.map((document) => ({
    id: document.id,
    kind: document.kind,
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    issuedOn: document.issuedOn ?? null,
    uploadedAt: document.uploadedAt,
  }));
}

/**
 * Everything the wizard and the status page show about one application, seen by `userId`:
 * the kinds required of them as the applicant, what still keeps it from being sent, the fee,
 * the tariffs and the members who may hold the card.
 */
export async function viewApplication(
  em: EntityManager,
  organisationId: string,
  applicationId: string,
  userId: string,
) {
  const application = await findApplication(em, organisationId, applicationId);
  const fee = await em.findOne(StateFee, { applicationId, organisationId });
  const canManage = await mayManageApplications(em, userId, organisationId);
  const editable = editableStatuses.includes(application.status);

  return {
    application: applicationSummary(application),
    documents: await documentsOf(em, application),
    requiredKinds: requiredDocumentKinds(
      application.cardType,
      await isHead(em, organisationId, userId),
    ),
    acceptedKinds: [...acceptedDocumentKinds(application.cardType)] as DocumentKind[],
    fee: fee
      ? {
          status: fee.status,
          amountKopecks: fee.amountKopecks,
          uin: fee.uin,
          paidAt: fee.paidAt ?? null,
        }
      : null,
    tariffs: tariffsFor(application.cardType).map((tariff) => ({ ...tariff })),
    holderCandidates: await holderCandidates(em, organisationId),
    missing: editable ? await missingForSubmission(em, application, userId) : [],
    editable,
    canManage,
    limits: { maxDocumentBytes: MAX_DOCUMENT_BYTES, maxApplicationBytes: MAX_APPLICATION_BYTES },
  };
}

/** The organisation's applications, newest first. */
export async function listApplications(em: EntityManager, organisationId: string) {
  const applications = await em.find(
    CardApplication,
    { organisationId },
    { orderBy: { createdAt: 'desc' } },
  );

  return applications.map(applicationSummary);
}
