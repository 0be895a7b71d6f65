import { redirect } from 'react-router';
import type { Route } from './+types/organisation-journal-csv';
import {
  filterErrorsOf,
  journalQuery,
  journalSearchOf,
  throwIfRefused,
} from '../lib/journal-search.ts';

/**
 * The filtered journal as a CSV download. Filters the procedure refuses send the reader back to
 * the journal page, which shows what is wrong with them.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const search = journalSearchOf(new URL(request.url).searchParams);
  const { organisationId } = params;
  try {
    const file = await context.api.journal.exportCsv({ organisationId, ...search });

    return new Response(file.csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    throwIfRefused(error, request);
    if (!filterErrorsOf(error)) throw error;

    return redirect(`/organisations/${organisationId}/journal${journalQuery(search)}`);
  }
}
