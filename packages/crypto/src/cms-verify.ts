/**
 * Verification of detached CMS signatures (RFC 5652, 5.6) made by `signDetached` or by any
 * CMS signer using ECDSA: the signature over the signed attributes, the message digest against
 * the document, the certificate path to the trusted root, the signer certificate's validity at
 * the signing time and its key usage, and optionally revocation in the root's CRL.
 */
import { createHash, createPublicKey, verify as verifyBytes } from 'node:crypto';

import * as asn1js from 'asn1js';

import { CmsOid } from './cms';
import { CryptoError } from './errors';
import { useNodeWebCrypto, pkijs, x509 } from './internal/engines';
import { readCertificateHolder } from './pki';
import type { CertificateHolder } from './pki';
import { toDer } from './pem';

/** Why a signature is not valid. */
export type SignatureFailure =
  /** The signature is not a detached CMS SignedData with one signer. */
  | 'bad_format'
  /** The document is not the one that was signed (message digest differs). */
  | 'document_changed'
  /** The signature value does not verify with the signer's key. */
  | 'bad_signature'
  /** The signer's certificate is not in the signature. */
  | 'unknown_signer'
  /** The signer's certificate does not lead to the trusted root. */
  | 'untrusted'
  /** A certificate of the path was not valid yet at the signing time. */
  | 'not_yet_valid'
  /** A certificate of the path had expired at the signing time. */
  | 'expired'
  /** The signer's certificate is revoked in the given CRL. */
  | 'revoked'
  /** The signer's certificate is not for digital signatures. */
  | 'key_usage';

/** What {@link verifyDetached} reports. */
export interface DetachedSignatureCheck {
  valid: boolean;
  reason?: SignatureFailure;
  /** The signer, when their certificate was found. */
  signer?: CertificateHolder;
  /** The signing time the signer stated (a claim, not a timestamp). */
  signingTime?: Date;
  /** When the signer's certificate was revoked, for `revoked`. */
  revokedAt?: Date;
}

/** Options of {@link verifyDetached}. */
export interface VerifyDetachedOptions {
  /** A CRL issued by the trusted root, PEM or DER; a signer listed in it fails as `revoked`. */
  crl?: string | Uint8Array;
  /** The time to check validity at when the signature states none. Default now. */
  now?: Date;
}

const DIGESTS: Record<string, string> = {
  [CmsOid.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

interface ParsedSignature {
  signerInfo: pkijs.SignerInfo;
  certificates: pkijs.Certificate[];
}

/**
 * Unwinds the checks of {@link verifyDetached} to its report: thrown by the steps below, always
 * caught there, never seen by callers (they get `{ valid: false, reason }`).
 */
class SignatureInvalid extends Error {
  constructor(readonly reason: SignatureFailure) {
    super(reason);
  }
}

/**
 * Checks a detached signature over `data` against `trustedRoot` and reports the outcome, the
 * signer and the stated signing time; it never throws for a bad signature, only for a CRL that
 * the root did not sign (`untrusted`). The signing time is the signer's claim (CAdES-BES has no
 * timestamp), so validity is checked at that time, as the cloud-signature server stated it.
 */
export async function verifyDetached(
  data: Uint8Array,
  signature: string | Uint8Array,
  trustedRoot: string | Uint8Array,
  options: VerifyDetachedOptions = {},
): Promise<DetachedSignatureCheck> {
  useNodeWebCrypto();
  const root = readTrustedRoot(trustedRoot);
  const report: DetachedSignatureCheck = { valid: false };

  try {
    const parsed = parseSignature(signature);
    const signerCertificate = findSignerCertificate(parsed);
    const signerDer = Buffer.from(signerCertificate.toSchema().toBER());
    report.signer = readCertificateHolder(signerDer);
    report.signingTime = checkSignatureValue(parsed.signerInfo, signerCertificate, data);

    const at = report.signingTime ?? options.now ?? new Date();
    const signer = new x509.X509Certificate(signerDer);
    await checkPath(signer, parsed.certificates, root, at);
    checkKeyUsage(signer);
    if (options.crl !== undefined) {
      report.revokedAt = await findRevocation(signer, options.crl, root);
    }
    report.valid = report.revokedAt === undefined;
    if (!report.valid) {
      report.reason = 'revoked';
    }
  } catch (error) {
    if (!(error instanceof SignatureInvalid)) {
      throw error;
    }
    report.reason = error.reason;
  }

  return report;
}

function readTrustedRoot(trustedRoot: string | Uint8Array): x509.X509Certificate {
  try {
    return new x509.X509Certificate(toDer(trustedRoot, 'CERTIFICATE'));
  } catch (error) {
    throw new CryptoError('bad_format', 'the trusted root is not a certificate', { cause: error });
  }
}

function parseSignature(signature: string | Uint8Array): ParsedSignature {
  let signed: pkijs.SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(toDer(signature, 'CMS'));
    if (contentInfo.contentType !== CmsOid.signedData) {
      throw new SignatureInvalid('bad_format');
    }
    signed = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    throw new SignatureInvalid('bad_format');
  }

  const [signerInfo, ...others] = signed.signerInfos;
  if (signerInfo === undefined || others.length > 0 || signed.encapContentInfo.eContent) {
    throw new SignatureInvalid('bad_format');
  }
  const certificates = (signed.certificates ?? []).filter(
    (item): item is pkijs.Certificate => item instanceof pkijs.Certificate,
  );

  return { signerInfo, certificates };
}

function findSignerCertificate({ signerInfo, certificates }: ParsedSignature): pkijs.Certificate {
  const sid: unknown = signerInfo.sid;
  const found =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find(
          (certificate) =>
            certificate.issuer.isEqual(sid.issuer) &&
            certificate.serialNumber.isEqual(sid.serialNumber),
        )
      : undefined;
  if (found === undefined) {
    throw new SignatureInvalid('unknown_signer');
  }

  return found;
}

/** Checks digest and signature (RFC 5652, 5.4 and 5.6); returns the stated signing time. */
function checkSignatureValue(
  signerInfo: pkijs.SignerInfo,
  signer: pkijs.Certificate,
  data: Uint8Array,
): Date | undefined {
  const hash = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  if (hash === undefined) {
    throw new SignatureInvalid('bad_format');
  }

  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const valueOf = (oid: string): unknown => attributes.find((item) => item.type === oid)?.values[0];
  let signedBytes: Uint8Array = data;
  if (signerInfo.signedAttrs) {
    const contentType = valueOf(CmsOid.contentType);
    const messageDigest = valueOf(CmsOid.messageDigest);
    if (
      !(contentType instanceof asn1js.ObjectIdentifier) ||
      contentType.valueBlock.toString() !== CmsOid.data ||
      !(messageDigest instanceof asn1js.OctetString)
    ) {
      throw new SignatureInvalid('bad_format');
    }
    const expected = Buffer.from(messageDigest.valueBlock.valueHexView);
    if (!expected.equals(createHash(hash).update(data).digest())) {
      throw new SignatureInvalid('document_changed');
    }
    signedBytes = new Uint8Array(signerInfo.signedAttrs.encodedValue);
  }

  const spki = Buffer.from(signer.subjectPublicKeyInfo.toSchema().toBER());
  const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  const value = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  if (
    publicKey.asymmetricKeyType !== 'ec' ||
    !verifyBytes(hash, signedBytes, { key: publicKey, dsaEncoding: 'der' }, value)
  ) {
    throw new SignatureInvalid('bad_signature');
  }

  return readSigningTime(valueOf(CmsOid.signingTime));
}

function readSigningTime(value: unknown): Date | undefined {
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) {
    return value.toDate();
  }
  if (value !== undefined) {
    throw new SignatureInvalid('bad_format');
  }

  return undefined;
}

const MAX_PATH_LENGTH = 4;

/**
 * Walks from the signer to the trusted root through the certificates in the signature: each
 * link must be signed by the next certificate, which must be a CA, and every certificate must
 * be valid at `at` (RFC 5280, 6.1.3, in the simple case of no policies or name constraints).
 */
async function checkPath(
  signer: x509.X509Certificate,
  certificates: pkijs.Certificate[],
  root: x509.X509Certificate,
  at: Date,
): Promise<void> {
  const candidates = certificates.map((item) => new x509.X509Certificate(item.toSchema().toBER()));
  let current = signer;

  for (let depth = 0; depth <= MAX_PATH_LENGTH; depth += 1) {
    checkValidity(current, at);
    if (await isIssuedBy(current, root)) {
      checkValidity(root, at);

      return;
    }

    const issuer = await findIssuer(current, candidates);
    if (issuer === undefined) {
      throw new SignatureInvalid('untrusted');
    }
    current = issuer;
  }

  throw new SignatureInvalid('untrusted');
}

async function findIssuer(
  certificate: x509.X509Certificate,
  candidates: x509.X509Certificate[],
): Promise<x509.X509Certificate | undefined> {
  for (const candidate of candidates) {
    if (candidate !== certificate && (await isIssuedBy(certificate, candidate))) {
      return candidate;
    }
  }

  return undefined;
}

async function isIssuedBy(
  certificate: x509.X509Certificate,
  issuer: x509.X509Certificate,
): Promise<boolean> {
  const sameName = Buffer.from(certificate.issuerName.toArrayBuffer()).equals(
    Buffer.from(issuer.subjectName.toArrayBuffer()),
  );
  const constraints = issuer.getExtension(x509.BasicConstraintsExtension);
  if (!sameName || constraints?.ca !== true) {
    return false;
  }

  return certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true });
}

function checkValidity(certificate: x509.X509Certificate, at: Date): void {
  if (at < certificate.notBefore) {
    throw new SignatureInvalid('not_yet_valid');
  }
  if (at > certificate.notAfter) {
    throw new SignatureInvalid('expired');
  }
}

/** The signer's key must be meant for signatures (RFC 5280, 4.2.1.3). */
function checkKeyUsage(signer: x509.X509Certificate): void {
  const keyUsage = signer.getExtension(x509.KeyUsagesExtension);
  const signing = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  if (keyUsage !== null && (keyUsage.usages & signing) === 0) {
    throw new SignatureInvalid('key_usage');
  }
}

/** The revocation date of the signer in a CRL of the root, or `undefined` if not listed. */
async function findRevocation(
  signer: x509.X509Certificate,
  crlInput: string | Uint8Array,
  root: x509.X509Certificate,
): Promise<Date | undefined> {
  const crl = new x509.X509Crl(toDer(crlInput, 'X509 CRL'));
  const sameIssuer = Buffer.from(crl.issuerName.toArrayBuffer()).equals(
    Buffer.from(root.subjectName.toArrayBuffer()),
  );
  if (!sameIssuer || !(await crl.verify({ publicKey: root.publicKey }))) {
    throw new CryptoError('untrusted', 'the CRL is not signed by the trusted root');
  }

  return crl.findRevoked(signer)?.revocationDate;
}
