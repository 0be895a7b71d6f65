import { applicationStatuses, documentKinds, memberRoles } from '@orgcard/db';
import { z } from 'zod';

export const reviewApplicationIdShape = {
  applicationId: z.uuid({ error: 'Заявление: неверный идентификатор' }),
};

export const serviceLevelSchema = z.object({
  dueAt: z.date(),
  overdue: z.boolean(),
  hoursLeft: z.number().int(),
});

export const checkResultSchema = z.object({
  documentId: z.string().nullable(),
  documentName: z.string().nullable(),
  kind: z.enum(documentKinds).nullable(),
  check: z.string(),
  passed: z.boolean(),
  reason: z.string(),
  checkedAt: z.date(),
});

const cardType = z.enum(['LLC', 'NPO']);
const mediaType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);

export const queuedApplicationSchema = z.object({
  id: z.string(),
  number: z.string(),
  cardType,
  organisation: z.object({ id: z.string(), shortName: z.string(), inn: z.string() }),
  applicantName: z.string(),
  submittedAt: z.date().nullable(),
  reviewStartedAt: z.date(),
  serviceLevel: serviceLevelSchema,
});

export const applicationForReviewSchema = z.object({
  application: z.object({
    id: z.string(),
    number: z.string(),
    cardType,
    status: z.enum(applicationStatuses),
    purpose: z.string().nullable(),
    department: z.string().nullable(),
    tariffCode: z.string().nullable(),
    tariffName: z.string().nullable(),
    holder: z
      .object({ memberId: z.string(), fullName: z.string(), role: z.enum(memberRoles) })
      .nullable(),
    checkRun: z.number().int(),
    submittedAt: z.date().nullable(),
    reviewStartedAt: z.date().nullable(),
    decidedAt: z.date().nullable(),
    decisionReason: z.string().nullable(),
    correctionRemarks: z.string().nullable(),
  }),
  organisation: z.object({
    id: z.string(),
    type: cardType,
    fullName: z.string(),
    shortName: z.string(),
    inn: z.string(),
    ogrn: z.string(),
    kpp: z.string(),
    legalAddress: z.string(),
    postalAddress: z.string(),
    email: z.string(),
    phone: z.string(),
    status: z.enum(['pending_confirmation', 'confirmed']),
  }),
  applicant: z.object({ fullName: z.string(), email: z.string(), phone: z.string() }),
  fee: z
    .object({
      status: z.enum(['unpaid', 'paid']),
      amountKopecks: z.bigint(),
      uin: z.string(),
      paidAt: z.date().nullable(),
    })
    .nullable(),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(documentKinds),
      kindName: z.string(),
      fileName: z.string(),
      mediaType,
      sizeBytes: z.number().int(),
      /** YYYY-MM-DD. */
      issuedOn: z.string().nullable(),
      uploadedAt: z.date(),
    }),
  ),
  checks: z.object({ run: z.number().int().nullable(), results: z.array(checkResultSchema) }),
  serviceLevel: serviceLevelSchema.nullable(),
  canDecide: z.boolean(),
});

export const openedDocumentSchema = z.object({
  fileName: z.string(),
  mediaType,
  content: z.custom<Buffer>((value) => value instanceof Uint8Array),
});

/** What a decision returns: the application's new status. */
/** A text the operator writes for the applicant (a reason, remarks), named in its messages. */
export function decisionText(label: string) {
  return z
    .string()
    .trim()
    .min(5, { error: `${label}: не короче 5 символов` })
    .max(2000, { error: `${label}: не длиннее 2000 символов` });
}

export const decisionResultSchema = z.object({
  applicationId: z.string(),
  status: z.enum(applicationStatuses),
});

export const applicationChecksSchema = z.object({
  status: z.enum(applicationStatuses),
  checkRun: z.number().int(),
  run: z.number().int().nullable(),
  correctionRemarks: z.string().nullable(),
  decisionReason: z.string().nullable(),
  results: z.array(checkResultSchema),
});

export const applicationEventSchema = z.object({
  id: z.string(),
  occurredAt: z.date(),
  action: z.string(),
  actorKind: z.enum(['user', 'operator', 'system', 'anonymous']),
  actorName: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  run: z.number().int().nullable(),
});
