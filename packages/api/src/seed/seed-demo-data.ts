import type { EntityManager } from '@orgcard/db';

/**
 * Creates the demo organisations once and returns lines describing their logins.
 * TODO(#4): create the demo LLC and NPO with members once organisations exist.
 */
export async function seedDemoData(_em: EntityManager): Promise<string[]> {
  return [];
}
