import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { AppError, errorCodes } from '../errors.ts';
import type { Context } from './context.ts';
import { resolveSession } from '../auth/resolve-session.ts';
import { checkOrganisationAccess } from '../auth/organisation-access.ts';
import type { Permission } from '../auth/permissions.ts';
import { writeJournal, type JournalInput } from '../journal/write-journal.ts';

z.config(z.locales.ru());

/** Who may call a procedure. Every procedure declares one; a test walks the router to check. */
export type Access =
  'public' | 'development' | 'authenticated' | 'operator' | { organisation: Permission };

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

/** A signed-in person (not an operator). */
export const authenticatedProcedure = t.procedure
  .use(observed)
  .meta({ access: 'authenticated' })
  .use(async ({ ctx, next }) => {
    const signedIn = await resolveSession(ctx.em, ctx.request.sessionToken);
    if (signedIn?.kind !== 'user') throw new AppError('unauthenticated');
    const log = ctx.log.child({ userId: signedIn.user.id });

    return next({ ctx: { log, session: signedIn.session, user: signedIn.user } });
  });

/** Platform staff only. */
export const operatorProcedure = t.procedure
  .use(observed)
  .meta({ access: 'operator' })
  .use(async ({ ctx, next }) => {
    const signedIn = await resolveSession(ctx.em, ctx.request.sessionToken);
    if (signedIn?.kind !== 'operator') throw new AppError('unauthenticated');
    const log = ctx.log.child({ operatorId: signedIn.operator.id });

    return next({ ctx: { log, session: signedIn.session, operator: signedIn.operator } });
  });

export type OrganisationJournalInput = Omit<
  JournalInput,
  'organisationId' | 'actor' | 'onBehalfOf' | 'request'
>;

/**
 * A member of the organisation named by `organisationId` in the input, holding `permission` by
 * role or by power of attorney. Every query of such a procedure filters by
 * `ctx.organisation.id`; `ctx.journal` records an action as this member, "on behalf of" the
 * principal when a power of attorney is in use.
 */
export function organisationProcedure(permission: Permission) {
  return authenticatedProcedure
    .meta({ access: { organisation: permission } })
    .input(z.object({ organisationId: z.uuid({ error: 'Организация: неверный идентификатор' }) }))
    .use(async ({ ctx, input, next }) => {
      const access = await checkOrganisationAccess(
        ctx.em,
        ctx.user.id,
        input.organisationId,
        permission,
      );
      const log = ctx.log.child({ organisationId: access.organisation.id });
      const journal = (em: typeof ctx.em, entry: OrganisationJournalInput) =>
        writeJournal(em, {
          ...entry,
          organisationId: access.organisation.id,
          actor: { kind: 'user', id: ctx.user.id, name: ctx.user.fullName },
          onBehalfOf: access.actingUnder?.principal ?? null,
          details: {
            ...entry.details,
            ...(access.actingUnder
              ? { powerOfAttorneyId: access.actingUnder.powerOfAttorneyId }
              : {}),
          },
          request: ctx.request,
        });

      return next({ ctx: { ...access, log, journal } });
    });
}

/** Only in development and test; answers NOT_FOUND in production. */
export const developmentProcedure = t.procedure
  .use(observed)
  .meta({ access: 'development' })
  .use(({ ctx, next }) => {
    if (ctx.services.config.nodeEnv === 'production') throw new AppError('dev_only');

    return next();
  });
