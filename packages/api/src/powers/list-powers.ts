import { PowerOfAttorney, User, type EntityManager, type PowerOfAttorneyScope } from '@orgcard/db';

/** Where a power stands today: its stored status, with the validity period applied. */
export type PowerOfAttorneyState =
  'awaiting_signature' | 'scheduled' | 'active' | 'expired' | 'revoked';

export interface PowerOfAttorneyListing {
  id: string;
  principalName: string;
  representativeMemberId: string;
  representativeName: string;
  scopes: PowerOfAttorneyScope[];
  /** Kopecks as a decimal string (a bigint does not travel everywhere); null: no ceiling. */
  amountCeilingKopecks: string | null;
  validFrom: Date;
  validTo: Date;
  state: PowerOfAttorneyState;
  signedAt: Date | null;
  revokedAt: Date | null;
  revocationReason: string | null;
}

function stateOf(power: PowerOfAttorney, now: Date): PowerOfAttorneyState {
  if (power.status !== 'active') return power.status;
  if (power.validTo <= now) return 'expired';

  return power.validFrom > now ? 'scheduled' : 'active';
}

/** The organisation's powers of attorney, newest first. */
export async function listPowers(
  em: EntityManager,
  organisationId: string,
  now = new Date(),
): Promise<PowerOfAttorneyListing[]> {
  const powers = await em.find(
    PowerOfAttorney,
    { organisationId },
    { orderBy: { createdAt: 'desc' } },
  );
  const userIds = powers.flatMap((power) => [power.principalUserId, power.representativeUserId]);
  const users = await em.find(User, { id: { $in: [...new Set(userIds)] } });
  const nameOf = new Map(users.map((user) => [user.id, user.fullName]));

  return powers.map((power) => ({
    id: power.id,
    principalName: nameOf.get(power.principalUserId) ?? '',
    representativeMemberId: power.representativeMemberId,
    representativeName: nameOf.get(power.representativeUserId) ?? '',
    scopes: power.scopes,
    amountCeilingKopecks: power.amountCeilingKopecks?.toString() ?? null,
    validFrom: power.validFrom,
    validTo: power.validTo,
    state: stateOf(power, now),
    signedAt: power.signedAt ?? null,
    revokedAt: power.revokedAt ?? null,
    revocationReason: power.revocationReason ?? null,
  }));
}
