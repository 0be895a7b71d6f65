import { z } from 'zod';

/** The filters shared by the journal list and its CSV export; days are Moscow calendar days. */
export const journalFilterShape = {
  from: z.iso.date({ error: 'Период с: укажите дату в формате ГГГГ-ММ-ДД' }).optional(),
  to: z.iso.date({ error: 'Период по: укажите дату в формате ГГГГ-ММ-ДД' }).optional(),
  actorId: z.uuid({ error: 'Кто: неверный идентификатор' }).optional(),
  action: z
    .string()
    .trim()
    .max(100, { error: 'Действие: не длиннее 100 символов' })
    .regex(/^[a-z0-9_.]+$/, { error: 'Действие: латинские буквы, цифры, «_» и «.»' })
    .optional(),
};

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const journalEntryOutput = z.object({
  id: z.string(),
  seq: z.number().int(),
  occurredAt: z.date(),
  actorKind: z.enum(['user', 'operator', 'system', 'anonymous']),
  actorName: z.string().nullable(),
  onBehalfOfName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  details: z.record(z.string(), detailValue),
});
