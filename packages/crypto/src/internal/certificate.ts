/**
 * Reads the fields of an X.509 certificate (RFC 5280, 4.1) that signing and verification need,
 * straight from its DER: the TBSCertificate's serial number, issuer, validity, subject and
 * public key, as their original encodings. Names are compared and copied as bytes, never
 * re-encoded, so an IssuerAndSerialNumber always matches the certificate exactly.
 */
import { CryptoError } from '../errors';
import { DerTag, decodeObjectIdentifier, readChildren, readWhole } from './der';
import type { DerElement } from './der';

/** The TBSCertificate fields used here, as DER elements. */
export interface CertificateFields {
  /** The whole certificate. */
  der: Buffer;
  /** INTEGER serialNumber, encoded. */
  serialNumber: DerElement;
  /** Name issuer, encoded. */
  issuer: DerElement;
  /** Validity: notBefore and notAfter. */
  notBefore: Date;
  notAfter: Date;
  /** Name subject, encoded. */
  subject: DerElement;
  /** SubjectPublicKeyInfo, encoded. */
  subjectPublicKeyInfo: DerElement;
}

/** Parses the TBSCertificate fields; throws `bad_format` if `der` is not a certificate. */
export function readCertificateFields(der: Buffer): CertificateFields {
  try {
    const [tbs] = readChildren(readWhole(der, DerTag.sequence));
    if (tbs?.tag !== DerTag.sequence) {
      throw new CryptoError('bad_format', 'not an X.509 certificate');
    }

    const fields = readChildren(tbs);
    // The version is an explicit [0] element present for v2 and v3 certificates.
    const start = fields[0]?.tag === 0xa0 ? 1 : 0;
    const [serialNumber, , issuer, validity, subject, subjectPublicKeyInfo] = fields.slice(start);
    if (!serialNumber || !issuer || !validity || !subject || !subjectPublicKeyInfo) {
      throw new CryptoError('bad_format', 'not an X.509 certificate');
    }

    const [notBefore, notAfter] = readChildren(validity).map(readTime);

    return {
      der,
      serialNumber,
      issuer,
      notBefore: notBefore ?? new Date(Number.NaN),
      notAfter: notAfter ?? new Date(Number.NaN),
      subject,
      subjectPublicKeyInfo,
    };
  } catch (error) {
    if (error instanceof CryptoError) {
      throw error;
    }
    throw new CryptoError('bad_format', 'not an X.509 certificate', { cause: error });
  }
}

/** Decodes UTCTime (years 1950-2049) or GeneralizedTime in the forms RFC 5280, 4.1.2.5 allows. */
export function readTime(element: DerElement): Date {
  const text = element.content.toString('ascii');
  const utc = element.tag === DerTag.utcTime && /^\d{12}Z$/.test(text);
  const generalized = element.tag === DerTag.generalizedTime && /^\d{14}Z$/.test(text);
  if (!utc && !generalized) {
    throw new CryptoError('bad_format', 'unsupported time encoding');
  }

  const twoDigitYear = Number(text.slice(0, 2));
  const full = utc ? `${twoDigitYear >= 50 ? '19' : '20'}${text}` : text;
  const [year, month, day, hour, minute, second] = [0, 4, 6, 8, 10, 12].map((at, index) =>
    Number(full.slice(at, at + (index === 0 ? 4 : 2))),
  );

  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second));
}

/** The attributes of a Name (RFC 5280, 4.1.2.4) as OID and text, in order. */
export function readNameAttributes(name: DerElement): { type: string; value: string }[] {
  const attributes: { type: string; value: string }[] = [];

  for (const relativeName of readChildren(name)) {
    for (const attribute of readChildren(relativeName)) {
      const [type, value] = readChildren(attribute);
      if (type?.tag !== DerTag.objectIdentifier || value === undefined) {
        throw new CryptoError('bad_format', 'malformed name attribute');
      }
      const encoding = value.tag === DerTag.utf8String ? 'utf8' : 'latin1';
      attributes.push({
        type: decodeObjectIdentifier(type.content),
        value: value.content.toString(encoding),
      });
    }
  }

  return attributes;
}
