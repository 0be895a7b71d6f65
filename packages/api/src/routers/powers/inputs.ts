import { powerOfAttorneyScopes } from '@orgcard/db';
import { z } from 'zod';

export const powerIdInput = z.uuid({ error: 'Доверенность: неверный идентификатор' });

export const scopeInput = z.enum(powerOfAttorneyScopes, {
  error: 'Полномочия: неизвестное полномочие',
});

/**
 * An amount ceiling in kopecks: an integer of at most 18 digits, as a decimal string or a safe
 * integer number. Money is never a fraction here; the page converts roubles before calling.
 */
export const kopecksInput = z
  .union(
    [z.string().regex(/^\d{1,18}$/), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)],
    { error: 'Предел суммы: целое неотрицательное число копеек' },
  )
  .transform((value) => BigInt(value));

export const dateInput = (label: string) => z.coerce.date({ error: `${label}: укажите дату` });

export const powerOutput = z.object({
  id: z.uuid(),
  principalName: z.string(),
  representativeMemberId: z.uuid(),
  representativeName: z.string(),
  scopes: z.array(scopeInput),
  amountCeilingKopecks: z.string().nullable(),
  validFrom: z.date(),
  validTo: z.date(),
  state: z.enum(['awaiting_signature', 'scheduled', 'active', 'expired', 'revoked']),
  signedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  revocationReason: z.string().nullable(),
});
