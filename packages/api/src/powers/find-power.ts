import { PowerOfAttorney, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';

/** A power of attorney of this organisation; another organisation's is simply not found. */
export async function findPower(
  em: EntityManager,
  organisationId: string,
  powerId: string,
): Promise<PowerOfAttorney> {
  const power = await em.findOne(PowerOfAttorney, { id: powerId, organisationId });
  if (!power) throw new AppError('not_found', 'Доверенность не найдена.');

  return power;
}
