// Creates an operator, the platform's staff: the only way such an account comes to exist.
//   pnpm operator:create --email olga@orgcard.ru --name "Ольга Петрова" --phone +79161234567
// The password comes from OPERATOR_PASSWORD, or a strong one is generated and printed once.
import { parseArgs } from 'node:util';
import { z, ZodError } from 'zod';
import { connectOrm } from '@orgcard/db';
import { commonEnvShape, loadEnvOrExit } from '../config/env.ts';
import { AppError } from '../errors.ts';
import { createOperator, generateOperatorPassword } from '../identity/create-operator.ts';

const env = loadEnvOrExit({
  DATABASE_URL: commonEnvShape.DATABASE_URL,
  OPERATOR_PASSWORD: z.string().optional(),
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const usage =
  'Использование: pnpm operator:create --email адрес --name "Фамилия Имя" --phone +7XXXXXXXXXX';
const { values } = (() => {
  try {
    return parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' } },
    });
  } catch {
    return fail(usage);
  }
})();
if (!values.email || !values.name || !values.phone) fail(usage);

const generated = env.OPERATOR_PASSWORD ? null : generateOperatorPassword();
const orm = await connectOrm({ databaseUrl: env.DATABASE_URL, poolMax: 2 });
try {
  const operator = await createOperator(orm.em.fork(), {
    email: values.email,
    fullName: values.name,
    phone: values.phone,
    password: env.OPERATOR_PASSWORD ?? generated ?? '',
  });
  process.stdout.write(`Оператор создан: ${operator.fullName} <${operator.email}>\n`);
  // Printed once: only its hash is stored, so it cannot be shown again.
  if (generated) process.stdout.write(`Пароль (показан один раз): ${generated}\n`);
} catch (error) {
  if (error instanceof ZodError) fail(error.issues.map((issue) => issue.message).join('\n'));
  if (error instanceof AppError) fail(error.message);
  throw error;
} finally {
  await orm.close(true);
}
