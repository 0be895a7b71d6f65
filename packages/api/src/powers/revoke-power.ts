import { User, type PowerOfAttorney } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { enqueueJob } from '../outbox/enqueue.ts';
import type { OrganisationCall } from '../organisations/organisation-call.ts';
import { findPower } from './find-power.ts';

/**
 * Revokes a power of attorney at once: from the commit on, no procedure accepts it. The
 * representative is told by email when the power had been in force.
 */
export async function revokePowerOfAttorney(
  call: OrganisationCall,
  powerId: string,
  reason: string,
  now = new Date(),
): Promise<PowerOfAttorney> {
  const power = await findPower(call.em, call.organisation.id, powerId);
  if (power.status === 'revoked') throw new AppError('invalid_state', 'Доверенность уже отозвана.');
  const wasInForce = power.status === 'active';
  const representative = await call.em.findOneOrFail(User, { id: power.representativeUserId });

  await call.em.transactional(async (em) => {
    power.status = 'revoked';
    power.revokedAt = now;
    power.revocationReason = reason;
    if (wasInForce) {
      enqueueJob(em, 'notifications', {
        channel: 'email',
        to: representative.email,
        template: 'power-of-attorney-revoked',
        data: { organisation: call.organisation.shortName, number: power.id, reason },
      });
    }
    await call.journal(em, {
      action: 'power_of_attorney.revoked',
      target: { type: 'power_of_attorney', id: power.id },
      details: { reason, wasInForce },
    });
  });

  return power;
}
