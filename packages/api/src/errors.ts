import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/** Every failure the domain can report, one code each. */
export const errorCodes = {
  not_found: { trpc: 'NOT_FOUND', message: 'Не найдено.' },
  forbidden: { trpc: 'FORBIDDEN', message: 'Недостаточно прав для этого действия.' },
  unauthenticated: { trpc: 'UNAUTHORIZED', message: 'Войдите в систему.' },
  conflict: { trpc: 'CONFLICT', message: 'Конфликт с текущим состоянием.' },
  invalid_input: { trpc: 'BAD_REQUEST', message: 'Проверьте введённые данные.' },
  invalid_state: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Действие недоступно в текущем состоянии.',
  },
  too_large: { trpc: 'PAYLOAD_TOO_LARGE', message: 'Слишком большой объём данных.' },
  rate_limited: { trpc: 'TOO_MANY_REQUESTS', message: 'Слишком много попыток. Попробуйте позже.' },
  unavailable: { trpc: 'SERVICE_UNAVAILABLE', message: 'Сервис временно недоступен.' },
  dev_only: { trpc: 'NOT_FOUND', message: 'Доступно только в среде разработки.' },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

/**
 * The one domain error. `message` is shown to the user (Russian); `field` names the form field
 * it belongs to, when there is one.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message ?? errorCodes[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
  }
}
