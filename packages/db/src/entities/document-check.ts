import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** One automatic check's result in one run of `document-checks`, with its reason in Russian. */
export const DocumentCheck = defineEntity({
  name: 'DocumentCheck',
  tableName: 'document_check',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    applicationId: p.uuid().index(),
    run: p.integer(),
    /** Null for checks of the application as a whole (every required kind present...). */
    documentId: p.uuid().nullable(),
    check: p.string().length(50),
    passed: p.boolean(),
    reason: p.text(),
    checkedAt: p.datetime().onCreate(() => new Date()),
  }),
  uniques: [{ properties: ['applicationId', 'run', 'documentId', 'check'] }],
});

export type DocumentCheck = InferEntity<typeof DocumentCheck>;
