import { applicationStatuses, documentKinds, memberRoles } from '@orgcard/db';
import { z } from 'zod';
import type { ApplicationActor } from '../../applications/application-basics.ts';
import type { JournalEntry, EntityManager } from '@orgcard/db';
import type { OrganisationJournalInput } from '../../trpc/init.ts';

export const applicationIdShape = {
  applicationId: z.uuid({ error: 'Заявление: неверный идентификатор' }),
};

export const documentKindSchema = z.enum(documentKinds, {
  error: 'Вид документа: неизвестный вид',
});

export const applicationSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  organisationId: z.string(),
  cardType: z.enum(['LLC', 'NPO']),
  status: z.enum(applicationStatuses),
  step: z.enum(['form', 'documents', 'fee', 'submit']),
  purpose: z.string().nullable(),
  holderMemberId: z.string().nullable(),
  department: z.string().nullable(),
  tariffCode: z.string().nullable(),
  checkRun: z.number().int(),
  submittedAt: z.date().nullable(),
  correctionRemarks: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const documentSchema = z.object({
  id: z.string(),
  kind: documentKindSchema,
  fileName: z.string(),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  /** YYYY-MM-DD. */
  issuedOn: z.string().nullable(),
  uploadedAt: z.date(),
});

const limitsSchema = z.object({
  perOperationKopecks: z.bigint(),
  perDayKopecks: z.bigint(),
  perMonthKopecks: z.bigint(),
});

export const applicationViewSchema = z.object({
  application: applicationSummarySchema,
  documents: z.array(documentSchema),
  requiredKinds: z.array(documentKindSchema),
  acceptedKinds: z.array(documentKindSchema),
  fee: z
    .object({
      status: z.enum(['unpaid', 'paid']),
      amountKopecks: z.bigint(),
      uin: z.string(),
      paidAt: z.date().nullable(),
    })
    .nullable(),
  tariffs: z.array(
    z.object({
      code: z.string(),
      cardType: z.enum(['LLC', 'NPO']),
      name: z.string(),
      feeKopecks: z.bigint(),
      validityMonths: z.number().int(),
      defaultLimits: limitsSchema,
    }),
  ),
  holderCandidates: z.array(
    z.object({ memberId: z.string(), fullName: z.string(), role: z.enum(memberRoles) }),
  ),
  missing: z.array(z.string()),
  editable: z.boolean(),
  canManage: z.boolean(),
  limits: z.object({ maxDocumentBytes: z.number().int(), maxApplicationBytes: z.number().int() }),
});

export const paymentOrderSchema = z.object({
  feeId: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  status: z.enum(['unpaid', 'paid']),
  paidAt: z.date().nullable(),
  amountKopecks: z.bigint(),
  purpose: z.string(),
  uin: z.string(),
  payee: z.object({
    name: z.string(),
    account: z.string(),
    bankName: z.string(),
    bic: z.string(),
    correspondentAccount: z.string(),
    inn: z.string(),
    kpp: z.string(),
    cbc: z.string(),
    oktmo: z.string(),
  }),
  payerName: z.string(),
  payerInn: z.string(),
  payerKpp: z.string(),
  qrPayload: z.string(),
  qrImageDataUrl: z.string(),
});

/** The acting member of an organisation procedure, as the application services take it. */
export function actorOf(ctx: {
  user: { id: string };
  journal: (em: EntityManager, entry: OrganisationJournalInput) => Promise<JournalEntry>;
}): ApplicationActor {
  return { userId: ctx.user.id, journal: ctx.journal };
}
