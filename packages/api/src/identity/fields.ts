import { z } from 'zod';
import {
  checkPasswordPolicy,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type PasswordRule,
} from '@orgcard/crypto';
import { normalisePhone } from './contacts.ts';

/** What each broken password rule tells the person, naming the field and the rule. */
export const passwordRuleMessages: Record<PasswordRule, string> = {
  length: `не короче ${MIN_PASSWORD_LENGTH} символов`,
  upper: 'нужна заглавная буква',
  lower: 'нужна строчная буква',
  digit: 'нужна цифра',
  symbol: 'нужен знак, не буква и не цифра (например, ! или пробел)',
  email: 'не должен содержать адрес почты',
};

/** The policy's failures as Russian messages for the field `label` ("Пароль", "Новый пароль"). */
export function passwordPolicyMessages(password: string, email: string, label: string): string[] {
  return checkPasswordPolicy(password, email).map(
    (rule) => `${label}: ${passwordRuleMessages[rule]}`,
  );
}

export const fullNameField = z
  .string()
  .trim()
  .min(2, 'ФИО: не короче 2 символов')
  .max(200, 'ФИО: не длиннее 200 символов');

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, 'Почта: не длиннее 320 символов')
  .pipe(z.email({ error: 'Почта: неверный формат' }));

export const phoneField = z
  .string()
  .transform(normalisePhone)
  .pipe(z.string().regex(/^\+7\d{10}$/, 'Телефон: нужен формат +7 и 10 цифр'));

/** A password as typed, for checking against the stored hash. */
export const passwordField = z
  .string()
  .min(1, 'Пароль: введите пароль')
  .max(MAX_PASSWORD_LENGTH, `Пароль: не длиннее ${MAX_PASSWORD_LENGTH} символов`);

/**
 * A new password under the policy, every broken rule listed. The rule against containing the
 * email is checked by the object that knows the email ({@link refinePasswordAgainstEmail}).
 */
export function newPasswordField(label: string) {
  return z
    .string()
    .max(MAX_PASSWORD_LENGTH, `${label}: не длиннее ${MAX_PASSWORD_LENGTH} символов`)
    .superRefine((password, ctx) => {
      for (const message of passwordPolicyMessages(password, '', label)) {
        ctx.addIssue({ code: 'custom', message });
      }
    });
}

/** Adds the policy's email rule to a schema whose object holds the password and the email. */
export function refinePasswordAgainstEmail(
  password: string,
  email: string,
  label: string,
  path: string,
  ctx: z.RefinementCtx,
): void {
  if (!checkPasswordPolicy(password, email).includes('email')) return;
  ctx.addIssue({
    code: 'custom',
    path: [path],
    message: `${label}: ${passwordRuleMessages.email}`,
  });
}

export const codeField = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Код: нужно 6 цифр');
