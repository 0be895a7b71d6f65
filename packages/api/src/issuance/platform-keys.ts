import {
  createRootCa,
  generateCredentialKey,
  open,
  publicJwks,
  seal,
  type CertificateAuthority,
  type CredentialSigningKey,
  type Keyring,
  type PublicJwks,
} from '@orgcard/crypto';
import { PlatformKey, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';

/** The keys issuance signs with: the CA's and the current credential key. */
export interface PlatformKeys {
  ca: CertificateAuthority;
  credentialKey: CredentialSigningKey;
}

const ROOT_CA_YEARS = 20;
const aadOf = (id: string) => `platform_key:${id}`;

async function createKeys(
  em: EntityManager,
  keyring: Keyring,
  missing: Set<PlatformKey['purpose']>,
) {
  if (missing.has('root_ca')) {
    const ca = await createRootCa({
      commonName: 'Orgcard Root CA',
      organisation: 'Orgcard',
      validityYears: ROOT_CA_YEARS,
    });
    const id = `root-ca-${new Date().toISOString().slice(0, 10)}`;
    em.create(PlatformKey, {
      id,
      purpose: 'root_ca',
      publicPart: ca.certificatePem,
      privateKeySealed: seal(keyring, ca.privateKeyPkcs8, aadOf(id)),
    });
  }
  if (missing.has('credential')) {
    const key = await generateCredentialKey();
    const id = `credential-${key.kid}`;
    const [published] = publicJwks([key]).keys;
    em.create(PlatformKey, {
      id,
      purpose: 'credential',
      publicPart: JSON.stringify(published),
      privateKeySealed: seal(keyring, Buffer.from(JSON.stringify(key.privateJwk)), aadOf(id)),
    });
  }
}

/**
 * Creates the root CA and the credential key the first time they are needed, once: concurrent
 * callers wait on an advisory lock and the later ones find the keys made by the first. Runs in
 * its own short transaction, so issuances do not queue behind it afterwards.
 */
export async function ensurePlatformKeys(em: EntityManager, keyring: Keyring): Promise<void> {
  const present = await em.find(PlatformKey, { active: true }, { fields: ['id', 'purpose'] });
  if (
    present.some((key) => key.purpose === 'root_ca') &&
    present.some((key) => key.purpose === 'credential')
  ) {
    return;
  }

  await em.transactional(async (tx) => {
    await tx.execute("select pg_advisory_xact_lock(hashtextextended('platform_keys', 0))");
    const active = await tx.find(PlatformKey, { active: true }, { fields: ['id', 'purpose'] });
    const missing = new Set<PlatformKey['purpose']>(['root_ca', 'credential']);
    for (const key of active) missing.delete(key.purpose);
    await createKeys(tx, keyring, missing);
  });
}

/** Opens the active root CA and credential key; `ensurePlatformKeys` must have run. */
export async function loadPlatformKeys(em: EntityManager, keyring: Keyring): Promise<PlatformKeys> {
  const rows = await em.find(PlatformKey, { active: true }, { orderBy: { createdAt: 'desc' } });
  const root = rows.find((row) => row.purpose === 'root_ca');
  const credential = rows.find((row) => row.purpose === 'credential');
  if (!root || !credential) throw new AppError('invalid_state', 'Ключи платформы ещё не созданы.');

  return {
    ca: {
      certificatePem: root.publicPart,
      privateKeyPkcs8: open(keyring, root.privateKeySealed, aadOf(root.id)),
    },
    credentialKey: credentialKeyOf(keyring, credential),
  };
}

function credentialKeyOf(keyring: Keyring, row: PlatformKey): CredentialSigningKey {
  const privateJwk = JSON.parse(
    open(keyring, row.privateKeySealed, aadOf(row.id)).toString('utf8'),
  ) as CredentialSigningKey['privateJwk'];

  return { kid: row.id.replace(/^credential-/, ''), privateJwk };
}

/**
 * The JWKS verifiers fetch: the public part of every credential key, active or retired, since
 * credentials signed by a retired key stay valid until they expire. Nothing is decrypted.
 */
export async function publishedJwks(em: EntityManager): Promise<PublicJwks> {
  const rows = await em.find(
    PlatformKey,
    { purpose: 'credential' },
    { orderBy: { createdAt: 'asc' } },
  );

  return { keys: rows.map((row) => JSON.parse(row.publicPart) as PublicJwks['keys'][number]) };
}

/** The active root CA certificate (PEM), public by nature; null before the first issuance. */
export async function rootCertificate(em: EntityManager): Promise<string | null> {
  const root = await em.findOne(
    PlatformKey,
    { purpose: 'root_ca', active: true },
    { orderBy: { createdAt: 'desc' } },
  );

  return root?.publicPart ?? null;
}
