import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const applicationStatuses = [
  'draft',
  'awaiting_fee',
  'submitted',
  'checking',
  'needs_correction',
  'in_review',
  'approved',
  'rejected',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** A request for a card: form, documents, state fee, checks, review decision. */
export const CardApplication = defineEntity({
  name: 'CardApplication',
  tableName: 'card_application',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    applicantUserId: p.uuid(),
    /** Follows the organisation type. */
    cardType: p.enum(['LLC', 'NPO']),
    status: p
      .enum([...applicationStatuses])
      .default('draft')
      .index(),
    /** The wizard step the applicant reached, to resume there. */
    step: p.enum(['form', 'documents', 'fee', 'submit']).default('form'),
    purpose: p.string().length(500).nullable(),
    /** The member who will hold the card. */
    holderMemberId: p.uuid().nullable(),
    department: p.string().length(200).nullable(),
    tariffCode: p.string().length(50).nullable(),
    submittedAt: p.datetime().nullable(),
    /** When it entered review, for the service level clock. */
    reviewStartedAt: p.datetime().nullable(),
    decidedAt: p.datetime().nullable(),
    decidedByOperatorId: p.uuid().nullable(),
    decisionReason: p.text().nullable(),
    correctionRemarks: p.text().nullable(),
    /** How many times the automatic checks ran; each run's results carry its number. */
    checkRun: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version().default(1),
  }),
});

export type CardApplication = InferEntity<typeof CardApplication>;
