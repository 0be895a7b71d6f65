import { User, type PowerOfAttorney } from '@orgcard/db';
import { requireCode } from '../auth/one-time-codes.ts';
import { AppError } from '../errors.ts';
import { enqueueJob } from '../outbox/enqueue.ts';
import type { OrganisationCall } from '../organisations/organisation-call.ts';
import { requireHead } from './create-power.ts';
import { findPower } from './find-power.ts';
import { scopeTexts } from './scope-texts.ts';

const dateFormat = new Intl.DateTimeFormat('ru-RU', {
  dateStyle: 'long',
  timeZone: 'Europe/Moscow',
});

/**
 * The head signs a power of attorney with the code texted to them; from then on it grants its
 * scopes within its validity. A wrong code uses up one of five tries, which is recorded even
 * though the signing is refused. (Once cards exist, the head will sign with a CMS signature.)
 */
export async function signPowerOfAttorney(
  call: OrganisationCall,
  powerId: string,
  code: string,
  codeKey: Uint8Array,
  now = new Date(),
): Promise<PowerOfAttorney> {
  requireHead(call);
  const power = await findPower(call.em, call.organisation.id, powerId);
  if (power.status !== 'awaiting_signature') {
    throw new AppError('invalid_state', 'Доверенность уже подписана или отозвана.');
  }
  if (power.principalUserId !== call.user.id) throw new AppError('forbidden');
  if (power.validTo <= now) {
    throw new AppError('invalid_state', 'Срок доверенности уже истёк: оформите новую.');
  }
  // Outside the transaction below: a refused code must still count as a try.
  await requireCode(call.em, codeKey, 'sign_power_of_attorney', power.id, code);
  const representative = await call.em.findOneOrFail(User, { id: power.representativeUserId });

  await call.em.transactional(async (em) => {
    power.status = 'active';
    power.signedAt = now;
    power.signatureMethod = 'code';
    enqueueJob(em, 'notifications', {
      channel: 'email',
      to: representative.email,
      template: 'power-of-attorney-granted',
      data: {
        organisation: call.organisation.shortName,
        principal: call.user.fullName,
        scopes: power.scopes.map((scope) => scopeTexts[scope].toLowerCase()).join('; '),
        validFrom: dateFormat.format(power.validFrom),
        validTo: dateFormat.format(power.validTo),
      },
    });
    await call.journal(em, {
      action: 'power_of_attorney.signed',
      target: { type: 'power_of_attorney', id: power.id },
      details: { signatureMethod: 'code' },
    });
  });

  return power;
}
