import type { Route } from './+types/organisation-power-xml';
import { throwIfRefused } from '../lib/organisations.ts';

/**
 * The signed power of attorney as an XML file to download. Each download is journaled by the
 * procedure, as a reading of a document that names people and grants.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  try {
    const { fileName, xml } = await context.api.powers.exportXml({
      organisationId: params.organisationId,
      powerId: params.powerId,
    });

    return new Response(xml, {
      headers: {
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    throwIfRefused(error, request);
    throw error;
  }
}
