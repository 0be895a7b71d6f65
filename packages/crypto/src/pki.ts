/**
 * The platform's certificate authority: a self-signed root (created once, its key sealed with
 * the envelope encryption) that issues each card holder an X.509 v3 signing certificate
 * (RFC 5280) for an ECDSA P-256 key, and publishes revocations as a CRL (RFC 5280, 5).
 *
 * Subject names follow the Russian practice for certificates of an organisation's
 * representative (requirements to the form of a qualified certificate, Order of the FSB of
 * Russia No. 795 of 27.12.2011, as amended): the person's name (CN), the organisation (O), and
 * as NumericString the OGRN (OID 1.2.643.100.1), the organisation's INN as INNLE
 * (OID 1.2.643.100.4) and the INN attribute (OID 1.2.643.3.131.1.1) holding the person's
 * 12-digit INN or, when it is not known, "00" followed by the organisation's INN, as
 * certificates of legal entities carried it before INNLE existed.
 */
import { createPublicKey, generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';

import { CryptoError } from './errors';
import { validateOgrn, validateOrganisationInn, validatePersonInn } from './identifiers';
import { readCertificateFields, readNameAttributes } from './internal/certificate';
import {
  numericString,
  printableString,
  sequence,
  setOf,
  objectIdentifier,
  utf8String,
  unsignedInteger,
} from './internal/der';
import { useNodeWebCrypto, x509 } from './internal/engines';
import { derToPem, toDer } from './pem';

/** Object identifiers of the name attributes used in certificates. */
export const NameOid = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  country: '2.5.4.6',
  organisation: '2.5.4.10',
  title: '2.5.4.12',
  givenName: '2.5.4.42',
  /** OGRN of the organisation (Order of the FSB of Russia No. 795). */
  ogrn: '1.2.643.100.1',
  /** INN of a legal entity, 10 digits. */
  innLe: '1.2.643.100.4',
  /** INN, 12 digits. */
  inn: '1.2.643.3.131.1.1',
} as const;

const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** An ECDSA P-256 key pair in the standard binary forms. */
export interface SigningKeyPair {
  /** SubjectPublicKeyInfo, DER (RFC 5480). */
  publicKeySpki: Buffer;
  /** PrivateKeyInfo, DER (PKCS #8, RFC 5208): seal it before storing. */
  privateKeyPkcs8: Buffer;
}

/** The CA as stored: its certificate and its PKCS #8 key (kept sealed at rest). */
export interface CertificateAuthority {
  certificatePem: string;
  privateKeyPkcs8: Buffer;
}

/** A certificate as issued. */
export interface IssuedCertificate {
  certificatePem: string;
  certificateDer: Buffer;
  /** Serial number as lowercase hex, the form CRL entries are made from. */
  serialNumber: string;
}

/**
 * A fresh ECDSA key pair on the NIST P-256 curve (FIPS 186-4; secp256r1 of RFC 5480), the curve
 * of the signing certificates and of ES256.
 */
export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  return {
    publicKeySpki: publicKey.export({ type: 'spki', format: 'der' }),
    privateKeyPkcs8: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

/**
 * A random positive serial number of 16 bytes: unpredictable, as RFC 5280, 4.1.2.2 and the
 * CA/Browser Forum ask (at least 64 random bits), with a non-zero first byte below 0x80 so its
 * INTEGER encoding is exactly 16 bytes.
 */
function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) % 0x7f) + 1;

  return bytes.toString('hex');
}

function importSigningKey(pkcs8: Uint8Array): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle
    .importKey('pkcs8', pkcs8, P256, false, ['sign'])
    .catch((error: unknown) => {
      throw new CryptoError('bad_key', 'the private key is not a PKCS #8 ECDSA P-256 key', {
        cause: error,
      });
    });
}

type NameAttribute = [oid: string, value: Buffer];

/** A distinguished name, one attribute per RDN, in the given order (RFC 5280, 4.1.2.4). */
function encodeName(attributes: NameAttribute[]): Buffer<ArrayBuffer> {
  const der = sequence(
    ...attributes.map(([oid, value]) => setOf([sequence(objectIdentifier(oid), value)])),
  );

  return Buffer.from(der);
}

/** What {@link createRootCa} needs. */
export interface RootCaInput {
  /** CN of the CA, e.g. "Оргкарта Root CA". */
  commonName: string;
  /** O of the CA. */
  organisation: string;
  validityYears: number;
  /** Start of validity. Default now. */
  notBefore?: Date;
}

/**
 * Creates the self-signed root: a new P-256 key, a certificate with basicConstraints CA
 * (path length 0: it signs end-entity certificates only) and keyUsage keyCertSign and cRLSign,
 * both critical (RFC 5280, 4.2.1.9 and 4.2.1.3), signed with ecdsa-with-SHA256 (RFC 5758, 3.2).
 * Returns the certificate and the PKCS #8 key, which the caller seals and stores.
 */
export async function createRootCa(input: RootCaInput): Promise<CertificateAuthority> {
  if (
    !Number.isInteger(input.validityYears) ||
    input.validityYears < 1 ||
    input.validityYears > 30
  ) {
    throw new CryptoError('out_of_range', 'a root CA is valid for 1 to 30 years');
  }

  useNodeWebCrypto();
  const keys = generateSigningKeyPair();
  const notBefore = input.notBefore ?? new Date();
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + input.validityYears);
  const name = encodeName([
    [NameOid.country, printableString('RU')],
    [NameOid.organisation, utf8String(input.organisation)],
    [NameOid.commonName, utf8String(input.commonName)],
  ]);
  const publicKey = new x509.PublicKey(new Uint8Array(keys.publicKeySpki));

  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: new x509.Name(name),
    issuer: new x509.Name(name),
    notBefore,
    notAfter,
    publicKey,
    signingKey: await importSigningKey(keys.privateKeyPkcs8),
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
    ],
  });

  return { certificatePem: certificate.toString('pem'), privateKeyPkcs8: keys.privateKeyPkcs8 };
}

/** The card holder named in a signing certificate. */
export interface CertificateHolderInput {
  /** Full name, «Фамилия Имя Отчество». */
  fullName: string;
  /** The person's INN, 12 digits, when known. */
  inn?: string;
  /** Position in the organisation. */
  title?: string;
}

/** The organisation named in a signing certificate. */
export interface CertificateOrganisationInput {
  name: string;
  /** 10 digits. */
  inn: string;
  /** 13 digits. */
  ogrn: string;
}

/** What {@link issueSigningCertificate} needs. */
export interface IssueCertificateInput {
  /** The holder's public key: SPKI DER or PEM. Must be ECDSA P-256. */
  publicKey: Uint8Array | string;
  holder: CertificateHolderInput;
  organisation: CertificateOrganisationInput;
  notBefore: Date;
  notAfter: Date;
}

function holderName(input: IssueCertificateInput): Buffer<ArrayBuffer> {
  const { holder, organisation } = input;
  const attributes: NameAttribute[] = [
    [NameOid.country, printableString('RU')],
    [NameOid.organisation, utf8String(organisation.name)],
    ...(holder.title ? [[NameOid.title, utf8String(holder.title)] as NameAttribute] : []),
    [NameOid.commonName, utf8String(holder.fullName)],
    [NameOid.ogrn, numericString(organisation.ogrn)],
    [NameOid.innLe, numericString(organisation.inn)],
    [NameOid.inn, numericString(holder.inn ?? `00${organisation.inn}`)],
  ];

  return encodeName(attributes);
}

function checkIssueInput(input: IssueCertificateInput, caNotAfter: Date): void {
  const problems: [boolean, string][] = [
    [!validateOrganisationInn(input.organisation.inn).ok, 'organisation.inn'],
    [!validateOgrn(input.organisation.ogrn).ok, 'organisation.ogrn'],
    [input.holder.inn !== undefined && !validatePersonInn(input.holder.inn).ok, 'holder.inn'],
    [input.holder.fullName.trim() === '' || input.holder.fullName.length > 200, 'holder.fullName'],
    [input.organisation.name.trim() === '', 'organisation.name'],
    [!(input.notAfter > input.notBefore), 'notAfter'],
    [input.notAfter > caNotAfter, 'notAfter'],
  ];
  const failed = problems.find(([bad]) => bad);
  if (failed) {
    throw new CryptoError('bad_format', `certificate field ${failed[1]} is invalid`, {
      field: failed[1],
    });
  }
}

/**
 * Issues a holder's signing certificate, signed by the CA: a random serial, the subject
 * described in this module's header, keyUsage digitalSignature and nonRepudiation (critical),
 * basicConstraints CA false, and key identifiers (RFC 5280, 4.2.1.1-2). Checks the INN and
 * OGRN and that the validity ends before the CA's; throws `bad_format` naming the field.
 */
export async function issueSigningCertificate(
  ca: CertificateAuthority,
  input: IssueCertificateInput,
): Promise<IssuedCertificate> {
  useNodeWebCrypto();
  const caCertificate = new x509.X509Certificate(toDer(ca.certificatePem, 'CERTIFICATE'));
  checkIssueInput(input, caCertificate.notAfter);
  const spki = toDer(input.publicKey, 'PUBLIC KEY');
  assertP256PublicKey(spki);
  const publicKey = new x509.PublicKey(spki);

  const serialNumber = randomSerialNumber();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject: new x509.Name(holderName(input)),
    issuer: caCertificate.subjectName,
    notBefore: input.notBefore,
    notAfter: input.notAfter,
    publicKey,
    signingKey: await importSigningKey(ca.privateKeyPkcs8),
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
      new x509.BasicConstraintsExtension(false, undefined, false),
      await x509.AuthorityKeyIdentifierExtension.create(caCertificate, false),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
    ],
  });
  const certificateDer = Buffer.from(certificate.rawData);

  return { certificatePem: derToPem(certificateDer, 'CERTIFICATE'), certificateDer, serialNumber };
}

function assertP256PublicKey(spki: Buffer): void {
  let curve: string | undefined;
  try {
    curve = createPublicKey({ key: spki, format: 'der', type: 'spki' }).asymmetricKeyDetails
      ?.namedCurve;
  } catch (error) {
    throw new CryptoError('bad_key', 'the public key is not a DER SubjectPublicKeyInfo', {
      cause: error,
    });
  }
  if (curve !== 'prime256v1') {
    throw new CryptoError('bad_key', 'a signing certificate is issued for an ECDSA P-256 key');
  }
}

/** Reasons of RFC 5280, 5.3.1 that apply to a card holder's certificate. */
export type RevocationReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'privilegeWithdrawn';

/** One revoked certificate. */
export interface RevokedCertificate {
  /** Serial number as hex, as {@link IssuedCertificate.serialNumber}. */
  serialNumber: string;
  revokedAt: Date;
  reason?: RevocationReason;
}

/** What {@link createCrl} needs. */
export interface CrlInput {
  revoked: readonly RevokedCertificate[];
  thisUpdate: Date;
  nextUpdate: Date;
  /** Monotonically increasing CRL number (RFC 5280, 5.2.3). */
  crlNumber: bigint | number;
}

/**
 * A CRL v2 signed by the CA (RFC 5280, 5): the revoked serials with their dates and reason
 * codes (5.3.1), the authority key identifier (5.2.1) and the CRL number (5.2.3), both of which
 * conforming CRLs must carry.
 */
export async function createCrl(
  ca: CertificateAuthority,
  input: CrlInput,
): Promise<{ crlPem: string; crlDer: Buffer }> {
  if (!(input.nextUpdate > input.thisUpdate)) {
    throw new CryptoError('bad_format', 'nextUpdate must follow thisUpdate', {
      field: 'nextUpdate',
    });
  }

  useNodeWebCrypto();
  const caCertificate = new x509.X509Certificate(toDer(ca.certificatePem, 'CERTIFICATE'));
  const crl = await x509.X509CrlGenerator.create({
    issuer: caCertificate.subjectName,
    thisUpdate: input.thisUpdate,
    nextUpdate: input.nextUpdate,
    signingKey: await importSigningKey(ca.privateKeyPkcs8),
    signingAlgorithm: ECDSA_SHA256,
    entries: input.revoked.map((entry) => ({
      serialNumber: normaliseSerial(entry.serialNumber),
      revocationDate: entry.revokedAt,
      reason: x509.X509CrlReason[entry.reason ?? 'unspecified'],
    })),
    extensions: [
      await x509.AuthorityKeyIdentifierExtension.create(caCertificate, false),
      crlNumberExtension(input.crlNumber),
    ],
  });
  const crlDer = Buffer.from(crl.rawData);

  return { crlPem: derToPem(crlDer, 'X509 CRL'), crlDer };
}

function normaliseSerial(serialNumber: string): string {
  if (!/^[0-9a-fA-F]{1,40}$/.test(serialNumber)) {
    throw new CryptoError('bad_format', 'a serial number is up to 20 bytes of hex', {
      field: 'serialNumber',
    });
  }

  return serialNumber.toLowerCase();
}

function crlNumberExtension(crlNumber: bigint | number): InstanceType<typeof x509.Extension> {
  const value = BigInt(crlNumber);
  if (value < 0n || value >= 2n ** 159n) {
    throw new CryptoError('out_of_range', 'a CRL number is a non-negative integer below 2^159');
  }

  const hex = value.toString(16);
  const magnitude = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');

  return new x509.Extension('2.5.29.20', false, new Uint8Array(unsignedInteger(magnitude)));
}

/** The person and organisation a signing certificate names, and its validity. */
export interface CertificateHolder {
  commonName: string;
  organisation: string | undefined;
  title: string | undefined;
  /** The organisation's INN: INNLE, or the legacy "00"-prefixed INN attribute. */
  organisationInn: string | undefined;
  /** The person's 12-digit INN, when the certificate carries it. */
  holderInn: string | undefined;
  ogrn: string | undefined;
  /** Serial number as lowercase hex. */
  serialNumber: string;
  issuerCommonName: string | undefined;
  notBefore: Date;
  notAfter: Date;
}

/** Reads the holder, organisation and validity from a certificate (PEM or DER). */
export function readCertificateHolder(certificate: string | Uint8Array): CertificateHolder {
  const fields = readCertificateFields(toDer(certificate, 'CERTIFICATE'));
  const subject = new Map(
    readNameAttributes(fields.subject).map(({ type, value }) => [type, value]),
  );
  const issuer = new Map(readNameAttributes(fields.issuer).map(({ type, value }) => [type, value]));
  const inn = subject.get(NameOid.inn);
  const legacyOrganisationInn = inn?.startsWith('00') ? inn.slice(2) : undefined;

  return {
    commonName: subject.get(NameOid.commonName) ?? '',
    organisation: subject.get(NameOid.organisation),
    title: subject.get(NameOid.title),
    organisationInn: subject.get(NameOid.innLe) ?? legacyOrganisationInn,
    holderInn: inn !== undefined && legacyOrganisationInn === undefined ? inn : undefined,
    ogrn: subject.get(NameOid.ogrn),
    serialNumber: serialHex(fields.serialNumber.content),
    issuerCommonName: issuer.get(NameOid.commonName),
    notBefore: fields.notBefore,
    notAfter: fields.notAfter,
  };
}

/** Hex of a positive INTEGER's content without the sign octet. */
function serialHex(content: Uint8Array): string {
  const hex = Buffer.from(content).toString('hex');

  return hex.length > 2 && hex.startsWith('00') ? hex.slice(2) : hex;
}
