import { z } from 'zod';

/** `document-checks`: check every document of one submission (run) of an application. */
export const documentChecksJobSchema = z.object({
  applicationId: z.uuid(),
  /** The check run this job performs; a stale run (the applicant resubmitted) is skipped. */
  run: z.number().int().positive(),
});

/** `card-issuance`: create the card, number, certificate and credential of an approved application. */
export const cardIssuanceJobSchema = z.object({
  applicationId: z.uuid(),
});

export type DocumentChecksJob = z.infer<typeof documentChecksJobSchema>;
export type CardIssuanceJob = z.infer<typeof cardIssuanceJobSchema>;
