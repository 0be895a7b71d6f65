// Shared by the server and the pages: turns a failed procedure call into what a form shows.
// Kept free of heavy imports so route modules can use it; errors are recognised by shape
// because the pages and the API may hold different copies of the tRPC and zod modules.

export interface FormErrors {
  /** A message for the whole form (a refused action, a rate limit). */
  formError: string | null;
  /** Messages per field, by field name. */
  fieldErrors: Record<string, string[]>;
}

interface IssueLike {
  path: PropertyKey[];
  message: string;
}

function issuesOf(cause: unknown): IssueLike[] | null {
  if (typeof cause !== 'object' || cause === null || !('issues' in cause)) return null;
  const issues = cause.issues;

  return Array.isArray(issues) ? (issues as IssueLike[]) : null;
}

/**
 * Reads a tRPC error thrown by a server-side call: validation issues become field messages,
 * a domain error with a field goes to that field, anything else to the form. Returns null for
 * errors that are not the user's to fix (they should reach the error page).
 */
export function toFormErrors(error: unknown): FormErrors | null {
  if (!(error instanceof Error) || error.name !== 'TRPCError') return null;
  const cause = (error as Error & { cause?: unknown }).cause;
  const issues = issuesOf(cause);
  if (issues) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of issues) {
      const field = String(issue.path[0] ?? '_');
      (fieldErrors[field] ??= []).push(issue.message);
    }

    return { formError: 'Проверьте введённые данные.', fieldErrors };
  }
  const code = (error as Error & { code?: string }).code;
  if (code === 'INTERNAL_SERVER_ERROR') return null;
  const field = (cause as { field?: string } | undefined)?.field;

  return field
    ? { formError: null, fieldErrors: { [field]: [error.message] } }
    : { formError: error.message, fieldErrors: {} };
}
