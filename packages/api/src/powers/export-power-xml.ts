import { User } from '@orgcard/db';
import { AppError } from '../errors.ts';
import type { OrganisationCall } from '../organisations/organisation-call.ts';
import { findPower } from './find-power.ts';
import { renderPowerOfAttorneyXml } from './power-of-attorney-xml.ts';

export interface PowerOfAttorneyFile {
  fileName: string;
  xml: string;
}

/**
 * The signed power of attorney as an XML document. Reading it is journaled: the document names
 * people and grants, so who looked at it and when is part of the record.
 */
export async function exportPowerOfAttorneyXml(
  call: OrganisationCall,
  powerId: string,
): Promise<PowerOfAttorneyFile> {
  const { organisation } = call;
  const power = await findPower(call.em, organisation.id, powerId);
  if (!power.signedAt) {
    throw new AppError('invalid_state', 'Доверенность ещё не подписана: документа пока нет.');
  }
  const [head, representative] = await Promise.all([
    call.em.findOneOrFail(User, { id: power.principalUserId }),
    call.em.findOneOrFail(User, { id: power.representativeUserId }),
  ]);
  const xml = renderPowerOfAttorneyXml({
    number: power.id,
    signedAt: power.signedAt,
    validFrom: power.validFrom,
    validTo: power.validTo,
    principal: {
      organisationName: organisation.fullName,
      inn: organisation.inn,
      ogrn: organisation.ogrn,
      kpp: organisation.kpp,
      headFullName: head.fullName,
    },
    representativeFullName: representative.fullName,
    scopes: power.scopes,
    amountCeilingKopecks: power.amountCeilingKopecks ?? null,
  });

  await call.em.transactional((em) =>
    call.journal(em, {
      action: 'power_of_attorney.viewed',
      target: { type: 'power_of_attorney', id: power.id },
      details: { format: 'xml' },
    }),
  );

  return { fileName: `doverennost-${power.id}.xml`, xml };
}
