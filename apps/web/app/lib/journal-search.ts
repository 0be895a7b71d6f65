import { toFormErrors, type FormErrors } from '@orgcard/api/forms';
import { t } from '../i18n/index.ts';
import { throwIfRefused as throwIfPageRefused } from './refusals.ts';

/** The journal's filters as they travel in the page's address; days are Moscow days. */
export interface JournalSearch {
  from?: string;
  to?: string;
  actorId?: string;
  action?: string;
}

const filterNames = ['from', 'to', 'actorId', 'action'] as const;

/** Reads the filters from an address; empty fields (as a GET form sends them) are left out. */
export function journalSearchOf(params: URLSearchParams): JournalSearch {
  const search: JournalSearch = {};
  for (const name of filterNames) {
    const value = params.get(name)?.trim();
    if (value) search[name] = value;
  }

  return search;
}

/** The query string of the filters, with extra parameters, starting with '?' (or empty). */
export function journalQuery(search: JournalSearch, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = search[name];
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const query = params.toString();

  return query ? `?${query}` : '';
}

const pluralRules = new Intl.PluralRules('ru-RU');

/** "1 запись", "3 записи", "25 записей". */
export function entriesCount(count: number): string {
  const form = pluralRules.select(count);
  const key =
    form === 'one'
      ? 'journal.count.one'
      : form === 'few'
        ? 'journal.count.few'
        : 'journal.count.many';

  return t(key, { count: count.toLocaleString('ru-RU') });
}

/**
 * How a procedure refused a page's call: the tRPC error code when the caller may not do it at
 * all. Recognised by shape, as `@orgcard/api/forms` does, since the page holds its own tRPC copy.
 */
export function refusalOf(error: unknown): 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | null {
  if (!(error instanceof Error) || error.name !== 'TRPCError') return null;
  const code = (error as Error & { code?: string }).code;

  return code === 'UNAUTHORIZED' || code === 'FORBIDDEN' || code === 'NOT_FOUND' ? code : null;
}

/** Turns a refusal into the page's answer: sign in, 403 or 404 (see `lib/refusals.ts`). */
export function throwIfRefused(error: unknown, request: Request): void {
  throwIfPageRefused(error, request);
}

/** The field errors of filters a procedure refused to read (BAD_REQUEST), or null. */
export function filterErrorsOf(error: unknown): FormErrors | null {
  if (!(error instanceof Error) || (error as Error & { code?: string }).code !== 'BAD_REQUEST') {
    return null;
  }
  const errors = toFormErrors(error);

  return errors && !errors.fieldErrors.organisationId ? errors : null;
}
