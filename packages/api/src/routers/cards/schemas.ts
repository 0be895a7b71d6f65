import { memberRoles } from '@orgcard/db';
import { z } from 'zod';

export const cardSummarySchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  numberMasked: z.string().regex(/^\d{6}\*{6}\d{4}$/),
  status: z.enum(['issued', 'active', 'blocked', 'expired', 'revoked']),
  holder: z.object({ memberId: z.string(), fullName: z.string() }),
  department: z.string().nullable(),
  validFrom: z.date(),
  validTo: z.date(),
  /** Kopecks as decimal strings. */
  limits: z.object({
    perOperationKopecks: z.string(),
    perDayKopecks: z.string(),
    perMonthKopecks: z.string(),
  }),
  issuedAt: z.date(),
});

export const cardDetailSchema = cardSummarySchema.extend({
  holderRole: z.enum(memberRoles).nullable(),
  statusListIndex: z.number().int(),
  certificate: z
    .object({
      serial: z.string(),
      status: z.enum(['awaiting_pin', 'active', 'revoked']),
      notBefore: z.date(),
      notAfter: z.date(),
    })
    .nullable(),
});
