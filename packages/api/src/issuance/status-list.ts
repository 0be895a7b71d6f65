import {
  createStatusList,
  MIN_STATUS_LIST_SIZE,
  setStatus,
  signStatusListCredential,
  type Keyring,
} from '@orgcard/crypto';
import { Card, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { ensurePlatformKeys, loadPlatformKeys } from './platform-keys.ts';

/** Entries per published list: the minimum the specification allows, for holder privacy. */
export const STATUS_LIST_SIZE = MIN_STATUS_LIST_SIZE;

/** How long a verifier may cache a list: a revocation reaches every verifier within an hour. */
const STATUS_LIST_TTL_MS = 3_600_000;

/**
 * Where a card's status bit lives. Cards are numbered from 0 across the platform; each list
 * holds 131,072 of them, so card n is entry n mod 131,072 of list n div 131,072 + 1.
 */
export function statusEntryOf(
  appUrl: string,
  statusListIndex: number,
): { list: string; index: number } {
  const listNumber = Math.floor(statusListIndex / STATUS_LIST_SIZE) + 1;

  return { list: statusListUrl(appUrl, listNumber), index: statusListIndex % STATUS_LIST_SIZE };
}

/** The URL a status list is published at (`GET /credentials/status/:list`). */
export function statusListUrl(appUrl: string, listNumber: number): string {
  return `${appUrl.replace(/\/$/, '')}/credentials/status/${listNumber}`;
}

/**
 * The next free platform-wide status index. Taken under an advisory lock held to the end of the
 * caller's transaction, so two issuances never pick the same one (the unique index would refuse
 * the second anyway, and its job would retry).
 */
export async function nextStatusListIndex(em: EntityManager): Promise<number> {
  await em.execute("select pg_advisory_xact_lock(hashtextextended('card_status_list', 0))");
  const [row] = await em.execute<{ next: number }[]>(
    'select coalesce(max(status_list_index), -1) + 1 as next from card',
  );

  return Number(row?.next ?? 0);
}

export interface StatusListDeps {
  secrets: { keyring: Keyring };
  config: { appUrl: string };
}

/**
 * The signed BitstringStatusListCredential of list `listNumber` (W3C Bitstring Status List
 * v1.0), purpose "revocation": a bit is set for every revoked card of the list. Signed afresh
 * on each request with the current credential key, valid for an hour.
 */
export async function statusListCredential(
  em: EntityManager,
  deps: StatusListDeps,
  listNumber: number,
  now: Date = new Date(),
): Promise<string> {
  if (!Number.isSafeInteger(listNumber) || listNumber < 1) {
    throw new AppError('not_found', 'Список статусов не найден.');
  }

  const first = (listNumber - 1) * STATUS_LIST_SIZE;
  const revoked = await em.find(
    Card,
    { status: 'revoked', statusListIndex: { $gte: first, $lt: first + STATUS_LIST_SIZE } },
    { fields: ['statusListIndex'] },
  );
  let list = createStatusList(STATUS_LIST_SIZE);
  for (const card of revoked) list = setStatus(list, card.statusListIndex - first, true);

  await ensurePlatformKeys(em.fork(), deps.secrets.keyring);
  const { credentialKey } = await loadPlatformKeys(em, deps.secrets.keyring);

  return signStatusListCredential(
    credentialKey,
    {
      id: statusListUrl(deps.config.appUrl, listNumber),
      purpose: 'revocation',
      list,
      validFrom: now,
      validUntil: new Date(now.getTime() + STATUS_LIST_TTL_MS),
    },
    { issuer: deps.config.appUrl },
  );
}
