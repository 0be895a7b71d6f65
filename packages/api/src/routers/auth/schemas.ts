import { z } from 'zod';

/** Inputs and outputs shared by several identity procedures. */
export const challengeIdField = z.uuid({
  error: 'Вход: неверный идентификатор шага, начните вход заново',
});

export const signInStartedOutput = z.object({
  challengeId: z.string(),
  method: z.enum(['sms', 'totp']),
  destination: z.string(),
});

export const okOutput = z.object({ ok: z.literal(true) });
