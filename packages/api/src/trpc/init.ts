import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { AppError, errorCodes } from '../errors.ts';
import type { Context } from './context.ts';

z.config(z.locales.ru());

/** Who may call a procedure. Every procedure declares one; a test walks the router to check. */
export type Access = 'public' | 'development';

export interface ProcedureMeta {
  access: Access;
}

export interface FieldErrors {
  [field: string]: string[];
}

function fieldErrorsOf(cause: unknown): FieldErrors | null {
  if (cause instanceof ZodError) return z.flattenError(cause).fieldErrors;
  if (cause instanceof AppError && cause.field) return { [cause.field]: [cause.message] };

  return null;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const appCode = error.cause instanceof AppError ? error.cause.code : null;
      const message =
        error.cause instanceof ZodError ? errorCodes.invalid_input.message : shape.message;

      return {
        ...shape,
        message,
        data: { ...shape.data, appCode, fieldErrors: fieldErrorsOf(error.cause), stack: undefined },
      };
    },
  });

/** Turns domain errors into tRPC errors and writes one log line per call. */
const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const log = ctx.log.child({ procedure: path });
  const result = await next({ ctx: { log } });
  const durationMs = Math.round(performance.now() - started);
  if (result.ok) {
    log.info({ type, durationMs, outcome: 'ok' }, 'procedure');

    return result;
  }
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    log.info({ type, durationMs, outcome: cause.code }, 'procedure refused');
    throw new TRPCError({ code: errorCodes[cause.code].trpc, message: cause.message, cause });
  }
  if (result.error.code === 'INTERNAL_SERVER_ERROR') {
    log.error({ type, durationMs, err: result.error.cause ?? result.error }, 'procedure failed');
  } else {
    log.info({ type, durationMs, outcome: result.error.code }, 'procedure refused');
  }

  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Anyone may call it. */
export const publicProcedure = t.procedure.use(observed).meta({ access: 'public' });

/** Only in development and test; answers NOT_FOUND in production. */
export const developmentProcedure = t.procedure
  .use(observed)
  .meta({ access: 'development' })
  .use(({ ctx, next }) => {
    if (ctx.services.config.nodeEnv === 'production') throw new AppError('dev_only');

    return next();
  });
