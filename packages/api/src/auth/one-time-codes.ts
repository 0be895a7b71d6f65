import { generateCode, hashCode, verifyCode } from '@orgcard/crypto';
import { OneTimeCode, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { enqueueJob } from '../outbox/enqueue.ts';
import type { TemplateName } from '../notifications/templates.ts';

export const CODE_LIFETIME_MS = 5 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_AFTER_MS = 60_000;

export type CodePurpose = OneTimeCode['purpose'];

export interface IssueCodeInput {
  purpose: CodePurpose;
  subjectId: string;
  channel: 'sms' | 'email';
  /** A phone in +7XXXXXXXXXX form or an email address. */
  destination: string;
  template: TemplateName;
  /** Extra template data besides the code. */
  data?: Record<string, string>;
}

/** The hash binds a code to its purpose and subject: a sign-in code cannot confirm a phone. */
function context(purpose: CodePurpose, subjectId: string): string {
  return `${purpose}:${subjectId}`;
}

/**
 * Issues a fresh 6-digit code and queues its delivery through the outbox, in the caller's unit
 * of work. A code for the same purpose and subject may be sent again only after a minute; the
 * new code replaces the old one.
 */
export async function issueCode(
  em: EntityManager,
  codeKey: Uint8Array,
  input: IssueCodeInput,
  now = new Date(),
): Promise<OneTimeCode> {
  const previous = await em.findOne(
    OneTimeCode,
    { purpose: input.purpose, subjectId: input.subjectId, consumedAt: null },
    { orderBy: { sentAt: 'desc' } },
  );
  if (previous && now.getTime() - previous.sentAt.getTime() < CODE_RESEND_AFTER_MS) {
    const seconds = Math.ceil(
      (CODE_RESEND_AFTER_MS - (now.getTime() - previous.sentAt.getTime())) / 1000,
    );
    throw new AppError('rate_limited', `Новый код можно запросить через ${seconds} с.`);
  }
  if (previous) previous.consumedAt = now;

  const code = generateCode();
  const issued = em.create(OneTimeCode, {
    purpose: input.purpose,
    subjectId: input.subjectId,
    channel: input.channel,
    destination: input.destination,
    codeHash: hashCode(codeKey, code, context(input.purpose, input.subjectId)),
    attempts: 0,
    sentAt: now,
    expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS),
    consumedAt: null,
  });
  const message = {
    to: input.destination,
    template: input.template,
    data: { ...input.data, code },
  };
  enqueueJob(
    em,
    'notifications',
    input.channel === 'sms' ? { channel: 'sms', ...message } : { channel: 'email', ...message },
  );

  return issued;
}

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'exhausted' | 'missing';

/**
 * Checks a code for a purpose and subject. A correct code is consumed; a wrong one uses up one
 * of five tries. The caller flushes, so the attempt is counted even when it then refuses.
 */
export async function checkCode(
  em: EntityManager,
  codeKey: Uint8Array,
  purpose: CodePurpose,
  subjectId: string,
  code: string,
  now = new Date(),
): Promise<CodeCheck> {
  const issued = await em.findOne(
    OneTimeCode,
    { purpose, subjectId, consumedAt: null },
    { orderBy: { sentAt: 'desc' } },
  );
  if (!issued) return 'missing';
  if (issued.expiresAt <= now) return 'expired';
  if (issued.attempts >= CODE_MAX_ATTEMPTS) return 'exhausted';
  issued.attempts += 1;
  if (!verifyCode(codeKey, code, issued.codeHash, context(purpose, subjectId))) return 'wrong';
  issued.consumedAt = now;

  return 'ok';
}

const codeMessages: Record<Exclude<CodeCheck, 'ok'>, string> = {
  wrong: 'Код: неверный код.',
  expired: 'Код: срок действия истёк, запросите новый.',
  exhausted: 'Код: попытки исчерпаны, запросите новый.',
  missing: 'Код: сначала запросите код.',
};

/** Like `checkCode`, but a refusal becomes a field error on `code`, after counting the try. */
export async function requireCode(
  em: EntityManager,
  codeKey: Uint8Array,
  purpose: CodePurpose,
  subjectId: string,
  code: string,
): Promise<void> {
  const result = await checkCode(em, codeKey, purpose, subjectId, code);
  if (result === 'ok') return;
  await em.flush();
  throw new AppError('invalid_input', codeMessages[result], { field: 'code' });
}
