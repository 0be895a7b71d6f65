import type { Organisation } from '@orgcard/db';
import type { OrganisationCall } from './organisation-call.ts';

export interface OrganisationSettings {
  idleTimeoutMinutes: number;
}

/**
 * Changes the organisation's settings. The idle timeout ends the sessions of its members after
 * that many minutes without activity (the strictest of a person's organisations applies).
 */
export async function updateOrganisationSettings(
  call: OrganisationCall,
  settings: OrganisationSettings,
): Promise<Organisation> {
  const { organisation } = call;
  const from = organisation.idleTimeoutMinutes;
  if (from === settings.idleTimeoutMinutes) return organisation;

  await call.em.transactional(async (em) => {
    organisation.idleTimeoutMinutes = settings.idleTimeoutMinutes;
    await call.journal(em, {
      action: 'organisation.settings_changed',
      target: { type: 'organisation', id: organisation.id },
      details: { setting: 'idleTimeoutMinutes', from, to: settings.idleTimeoutMinutes },
    });
  });

  return organisation;
}
