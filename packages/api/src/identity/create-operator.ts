import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { checkPasswordPolicy, hashPassword } from '@orgcard/crypto';
import { Operator, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { writeJournal } from '../journal/write-journal.ts';
import {
  emailField,
  fullNameField,
  newPasswordField,
  phoneField,
  refinePasswordAgainstEmail,
} from './fields.ts';

export const createOperatorInput = z
  .object({
    email: emailField,
    fullName: fullNameField,
    phone: phoneField,
    password: newPasswordField('Пароль'),
  })
  .superRefine((value, ctx) => {
    refinePasswordAgainstEmail(value.password, value.email, 'Пароль', 'password', ctx);
  });

export type CreateOperatorInput = z.input<typeof createOperatorInput>;

/**
 * A strong random password for a new operator: 24 characters of base64url with a fixed tail
 * that guarantees every class the policy asks for, whatever the random part holds.
 */
export function generateOperatorPassword(): string {
  const password = `${randomBytes(18).toString('base64url')}-Aa1`;

  return checkPasswordPolicy(password).length === 0 ? password : generateOperatorPassword();
}

/**
 * Creates an operator account: the platform's staff exist only through this (the
 * `pnpm operator:create` command), never through sign-up. Journaled in the platform chain.
 */
export async function createOperator(
  em: EntityManager,
  raw: CreateOperatorInput,
): Promise<Operator> {
  const input = createOperatorInput.parse(raw);
  if (await em.count(Operator, { email: input.email })) {
    throw new AppError('conflict', 'Почта: оператор с этим адресом уже есть.', { field: 'email' });
  }
  const passwordHash = await hashPassword(input.password);

  return em.transactional(async (tx) => {
    const operator = tx.create(Operator, {
      fullName: input.fullName,
      email: input.email,
      phone: input.phone,
      passwordHash,
      lockedUntil: null,
    });
    await writeJournal(tx, {
      organisationId: null,
      actor: { kind: 'system' },
      action: 'operator.created',
      target: { type: 'operator', id: operator.id },
      details: { name: operator.fullName },
    });

    return operator;
  });
}
