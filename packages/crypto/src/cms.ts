/**
 * Detached CMS signatures (RFC 5652 SignedData, the PKCS #7 successor) over documents and
 * payment orders: ECDSA P-256 with SHA-256 (RFC 5753, RFC 5754), signed attributes content
 * type, message digest, signing time (RFC 5652, 11.1-11.3) and signing-certificate-v2
 * (RFC 5035), which makes the signature a CAdES-BES one (ETSI EN 319 122-1) that binds the
 * signer's certificate. The signer's certificate and any chain are included; the content is
 * not (detached), so the document is stored once and the signature next to it.
 *
 * Signing builds the DER directly (see internal/der.ts) to stay well under a millisecond;
 * verification parses with pkijs and checks the chain with @peculiar/x509, so the two
 * directions do not share code, and OpenSSL is a third, independent judge in the tests.
 */
import { createHash, createPublicKey, sign as signBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

import { readCertificateFields } from './internal/certificate';
import type { CertificateFields } from './internal/certificate';
import {
  explicit,
  objectIdentifier,
  octetString,
  retag,
  sequence,
  setOf,
  time,
  unsignedInteger,
} from './internal/der';
import { importEcPrivateKey } from './internal/ec-key';
import { derToPem, toDer } from './pem';

/** Object identifiers of CMS (RFC 5652, 14; RFC 5035; RFC 5754; RFC 5758). */
export const CmsOid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** What {@link signDetached} needs. */
export interface SignDetachedInput {
  /** The exact bytes signed: a document, or the canonical JSON of a payment order. */
  data: Uint8Array;
  /** The signer's certificate, PEM or DER. */
  certificate: string | Uint8Array;
  /** The signer's private key: PKCS #8 DER (as opened from its sealed form) or a KeyObject. */
  privateKey: Uint8Array | KeyObject;
  /** Further certificates to include (intermediate CAs), PEM or DER. */
  chain?: readonly (string | Uint8Array)[];
  /** The time to state as signing time. Default now. */
  signingTime?: Date;
}

function attribute(oid: string, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), setOf([value]));
}

/** SigningCertificateV2 with one ESSCertIDv2 (RFC 5035, 3): SHA-256 (the default, omitted). */
function signingCertificateV2(certificate: CertificateFields): Buffer {
  const certHash = createHash('sha256').update(certificate.der).digest();
  // IssuerSerial: GeneralNames holding the issuer as directoryName [4], then the serial.
  const issuerSerial = sequence(
    sequence(explicit(4, certificate.issuer.encoded)),
    certificate.serialNumber.encoded,
  );

  return sequence(sequence(sequence(octetString(certHash), issuerSerial)));
}

/**
 * Signs `data` and returns the DER ContentInfo of a detached SignedData (RFC 5652, 5): version
 * 1, one SignerInfo identified by issuer and serial number, SHA-256 digest, ecdsa-with-SHA256
 * signature over the DER SET OF signed attributes (5.4), and the certificates. Synchronous: the
 * whole operation is a hash, one ECDSA signature and some byte copying.
 */
export function signDetached(input: SignDetachedInput): Buffer {
  const signer = readCertificateFields(toDer(input.certificate, 'CERTIFICATE'));
  const key = importEcPrivateKey(input.privateKey);
  const digest = createHash('sha256').update(input.data).digest();
  const sha256 = sequence(objectIdentifier(CmsOid.sha256));

  const signedAttributes = setOf([
    attribute(CmsOid.contentType, objectIdentifier(CmsOid.data)),
    attribute(CmsOid.signingTime, time(input.signingTime ?? new Date())),
    attribute(CmsOid.messageDigest, octetString(digest)),
    attribute(CmsOid.signingCertificateV2, signingCertificateV2(signer)),
  ]);
  const signature = signBytes('sha256', signedAttributes, { key, dsaEncoding: 'der' });

  const signerInfo = sequence(
    unsignedInteger(Buffer.from([1])),
    sequence(signer.issuer.encoded, signer.serialNumber.encoded),
    sha256,
    retag(signedAttributes, 0xa0),
    sequence(objectIdentifier(CmsOid.ecdsaWithSha256)),
    octetString(signature),
  );
  const certificates = [
    signer.der,
    ...(input.chain ?? []).map((item) => toDer(item, 'CERTIFICATE')),
  ];
  const signedData = sequence(
    unsignedInteger(Buffer.from([1])),
    setOf([sha256]),
    sequence(objectIdentifier(CmsOid.data)),
    retag(setOf(certificates), 0xa0),
    setOf([signerInfo]),
  );

  return sequence(objectIdentifier(CmsOid.signedData), explicit(0, signedData));
}

/** PEM of a CMS signature, labelled `CMS` (RFC 7468, 9). */
export function signatureToPem(signature: Uint8Array): string {
  return derToPem(signature, 'CMS');
}

/**
 * Tells whether a certificate and a private key belong together, by comparing the certificate's
 * public key with the one derived from the private key. Call it once when a key is stored.
 */
export function certificateMatchesKey(
  certificate: string | Uint8Array,
  privateKey: Uint8Array | KeyObject,
): boolean {
  const fields = readCertificateFields(toDer(certificate, 'CERTIFICATE'));
  const derived = createPublicKey(importEcPrivateKey(privateKey)).export({
    type: 'spki',
    format: 'der',
  });

  return derived.equals(fields.subjectPublicKeyInfo.encoded);
}
