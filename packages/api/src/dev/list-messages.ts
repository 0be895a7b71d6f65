import { DevMessage, type EntityManager } from '@orgcard/db';

/** The newest caught emails and SMS, newest first. */
export async function listDevMessages(em: EntityManager, limit = 50): Promise<DevMessage[]> {
  return em.find(DevMessage, {}, { orderBy: { createdAt: 'desc' }, limit });
}
