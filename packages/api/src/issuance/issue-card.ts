import { createHmac, randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import {
  generateCardNumber,
  generateSigningKeyPair,
  issueSigningCertificate,
  maskCardNumber,
  seal,
  signCredential,
  type CertificateAuthority,
  type Keyring,
} from '@orgcard/crypto';
import {
  Card,
  CardApplication,
  Member,
  Organisation,
  SigningCertificate,
  User,
  type CardLimits,
  type EntityManager,
} from '@orgcard/db';
import { tariffFor, type Tariff } from '../applications/tariffs.ts';
import { AppError } from '../errors.ts';
import { writeJournal } from '../journal/write-journal.ts';
import { notifyUser } from '../review/notify-user.ts';
import { ensurePlatformKeys, loadPlatformKeys, type PlatformKeys } from './platform-keys.ts';
import { nextStatusListIndex, statusEntryOf } from './status-list.ts';

/** What issuance needs from the running process. */
export interface IssuanceDeps {
  secrets: { keyring: Keyring; codeKey: Buffer };
  config: { appUrl: string; cardNumberPrefix?: string };
}

export type IssuanceOutcome =
  | { outcome: 'issued'; cardId: string }
  | { outcome: 'already_issued'; cardId: string }
  | { outcome: 'skipped' };

/** The issuer identification number when none is configured. */
export const DEFAULT_CARD_NUMBER_PREFIX = '220099';

const ruDate = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow' });

/** The moment `months` calendar months after `from`; the 31st becomes the month's last day. */
export function addMonths(from: Date, months: number): Date {
  const result = new Date(from);
  result.setUTCMonth(result.getUTCMonth() + months);
  if (result.getUTCDate() !== from.getUTCDate()) result.setUTCDate(0);

  return result;
}

/** The keyed digest that keeps numbers unique and findable without decrypting them. */
export function cardNumberDigest(codeKey: Buffer, number: string): string {
  return createHmac('sha256', codeKey).update(`card-number:${number}`).digest('hex');
}

/** A fresh number not yet held by any card. */
async function newCardNumber(em: EntityManager, deps: IssuanceDeps) {
  const prefix = deps.config.cardNumberPrefix ?? DEFAULT_CARD_NUMBER_PREFIX;
  for (;;) {
    const number = generateCardNumber(prefix);
    const digest = cardNumberDigest(deps.secrets.codeKey, number);
    // With nine random digits a clash is rare; the unique index is the last word on it.
    if ((await em.count(Card, { numberDigest: digest })) === 0) return { number, digest };
  }
}

function limitsOf(tariff: Tariff): CardLimits {
  const limits = tariff.defaultLimits;

  return {
    perOperationKopecks: limits.perOperationKopecks.toString(),
    perDayKopecks: limits.perDayKopecks.toString(),
    perMonthKopecks: limits.perMonthKopecks.toString(),
  };
}

interface Parties {
  organisation: Organisation;
  holder: Member;
  holderUser: User;
  tariff: Tariff;
}

async function partiesOf(em: EntityManager, application: CardApplication): Promise<Parties> {
  const organisation = await em.findOneOrFail(Organisation, { id: application.organisationId });
  const holder = await em.findOne(Member, {
    organisationId: organisation.id,
    ...(application.holderMemberId
      ? { id: application.holderMemberId }
      : { userId: application.applicantUserId }),
  });
  const tariff = tariffFor(application.tariffCode ?? '');
  if (!holder || !tariff) {
    throw new AppError('invalid_state', 'В заявлении не указан держатель карты или тариф.');
  }
  const holderUser = await em.findOneOrFail(User, { id: holder.userId });

  return { organisation, holder, holderUser, tariff };
}

/** The holder's key pair and X.509 certificate; the key is sealed to its row and waits for a PIN. */
async function createSigningCertificate(
  em: EntityManager,
  deps: IssuanceDeps,
  ca: CertificateAuthority,
  card: Card,
  parties: Parties,
): Promise<void> {
  const keyPair = generateSigningKeyPair();
  const certificate = await issueSigningCertificate(ca, {
    publicKey: keyPair.publicKeySpki,
    holder: { fullName: parties.holderUser.fullName },
    organisation: {
      name: parties.organisation.shortName,
      inn: parties.organisation.inn,
      ogrn: parties.organisation.ogrn,
    },
    notBefore: card.validFrom,
    notAfter: card.validTo,
  });
  const certificateId = randomUUID();
  em.create(SigningCertificate, {
    id: certificateId,
    organisationId: card.organisationId,
    cardId: card.id,
    serial: certificate.serialNumber,
    certificatePem: certificate.certificatePem,
    // Opened only to sign, after the PIN set at activation is verified.
    privateKeySealed: seal(
      deps.secrets.keyring,
      keyPair.privateKeyPkcs8,
      `signing_certificate:${certificateId}`,
    ),
    // No PIN until activation. MikroORM 6 types a nullable hidden string as non-null.
    pinHash: null as unknown as SigningCertificate['pinHash'],
    status: 'awaiting_pin',
    notBefore: card.validFrom,
    notAfter: card.validTo,
  });
  keyPair.privateKeyPkcs8.fill(0);
}

/** Makes the card, the holder's certificate and the credential; rows join the caller's unit of work. */
async function createCard(
  em: EntityManager,
  deps: IssuanceDeps,
  keys: PlatformKeys,
  application: CardApplication,
  parties: Parties,
  now: Date,
): Promise<Card> {
  const { organisation, holder, holderUser, tariff } = parties;
  const cardId = randomUUID();
  const validTo = addMonths(now, tariff.validityMonths);
  const { number, digest } = await newCardNumber(em, deps);
  const statusListIndex = await nextStatusListIndex(em);
  const credentialJws = await signCredential(
    keys.credentialKey,
    {
      cardId,
      organisation: { inn: organisation.inn, ogrn: organisation.ogrn },
      holderName: holderUser.fullName,
      validFrom: now,
      validUntil: validTo,
      status: statusEntryOf(deps.config.appUrl, statusListIndex),
    },
    { issuer: deps.config.appUrl, issuedAt: now },
  );
  const card = em.create(Card, {
    id: cardId,
    organisationId: organisation.id,
    applicationId: application.id,
    holderMemberId: holder.id,
    holderUserId: holderUser.id,
    department: application.department ?? null,
    numberSealed: seal(deps.secrets.keyring, Buffer.from(number), `card:${cardId}`),
    numberMasked: maskCardNumber(number),
    numberDigest: digest,
    status: 'issued',
    validFrom: now,
    validTo,
    limits: limitsOf(tariff),
    statusListIndex,
    credentialJws,
  });

  await createSigningCertificate(em, deps, keys.ca, card, parties);

  return card;
}

/** Journals the issuance (and the organisation's confirmation) and tells the holder. */
async function announce(em: EntityManager, card: Card, parties: Parties, confirmed: boolean) {
  const { organisation, holderUser } = parties;
  await writeJournal(em, {
    organisationId: organisation.id,
    actor: { kind: 'system' },
    action: 'card.issued',
    target: { type: 'card', id: card.id },
    details: {
      applicationId: card.applicationId,
      numberMasked: card.numberMasked,
      holderMemberId: card.holderMemberId,
      validTo: card.validTo.toISOString(),
    },
  });
  if (confirmed) {
    await writeJournal(em, {
      organisationId: organisation.id,
      actor: { kind: 'system' },
      action: 'organisation.confirmed',
      target: { type: 'organisation', id: organisation.id },
      details: { applicationId: card.applicationId },
    });
  }
  await notifyUser(em, holderUser.id, 'card-issued', {
    organisation: organisation.shortName,
    cardNumber: card.numberMasked,
    validTo: ruDate.format(card.validTo),
  });
}

/**
 * The `card-issuance` job: for an approved application, issues the card (number with a Luhn
 * digit, sealed; validity and default limits from the tariff; status "issued"), the holder's
 * signing certificate (key sealed, waiting for the PIN), the credential with its status-list
 * entry, marks the organisation confirmed, journals and notifies — in one transaction.
 * The application row is locked first and `card.application_id` is unique, so a job run
 * twice, or two jobs at once, make one card.
 */
export async function issueCard(
  em: EntityManager,
  deps: IssuanceDeps,
  applicationId: string,
  now: Date = new Date(),
): Promise<IssuanceOutcome> {
  const existing = await em.fork().findOne(Card, { applicationId }, { fields: ['id'] });
  if (existing) return { outcome: 'already_issued', cardId: existing.id };
  await ensurePlatformKeys(em.fork(), deps.secrets.keyring);

  return em.fork().transactional(async (tx) => {
    const application = await tx.findOne(
      CardApplication,
      { id: applicationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (application?.status !== 'approved') return { outcome: 'skipped' } as const;
    const issued = await tx.findOne(Card, { applicationId }, { fields: ['id'] });
    if (issued) return { outcome: 'already_issued', cardId: issued.id } as const;

    const parties = await partiesOf(tx, application);
    const keys = await loadPlatformKeys(tx, deps.secrets.keyring);
    const card = await createCard(tx, deps, keys, application, parties, now);
    const confirmed = parties.organisation.status !== 'confirmed';
    parties.organisation.status = 'confirmed';
    await tx.flush();
    await announce(tx, card, parties, confirmed);

    return { outcome: 'issued', cardId: card.id } as const;
  });
}
