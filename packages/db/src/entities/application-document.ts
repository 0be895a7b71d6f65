import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const documentKinds = [
  'registry_extract',
  'charter',
  'founders_decision',
  'authorised_body_decision',
  'power_of_attorney',
  'bank_certificate',
  'registration_certificate',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** An uploaded file of an application, stored encrypted at rest with its SHA-256. */
export const ApplicationDocument = defineEntity({
  name: 'ApplicationDocument',
  tableName: 'application_document',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    applicationId: p.uuid().index(),
    kind: p.enum([...documentKinds]),
    fileName: p.string().length(255),
    /** Judged from the content (magic bytes), never from the name. */
    mediaType: p.enum(['application/pdf', 'image/jpeg', 'image/png']),
    sizeBytes: p.integer(),
    sha256: p.string().length(64),
    /** The date printed on the document when the applicant gives it (registry extracts). */
    issuedOn: p.date().nullable(),
    /** Envelope-encrypted content, bound to this row's id. */
    contentSealed: p.blob().lazy().hidden(),
    uploadedByUserId: p.uuid(),
    uploadedAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type ApplicationDocument = InferEntity<typeof ApplicationDocument>;
