/**
 * PEM armour (RFC 7468) for certificates, CRLs, keys and CMS signatures: base64 of the DER
 * between `-----BEGIN label-----` and `-----END label-----` lines, 64 characters a line.
 */
import { CryptoError } from './errors';

/** Labels this package writes (RFC 7468, 5-10 and 12). */
export type PemLabel = 'CERTIFICATE' | 'X509 CRL' | 'PRIVATE KEY' | 'PUBLIC KEY' | 'CMS';

/** Wraps DER bytes as PEM with the given label (RFC 7468, 2). */
export function derToPem(der: Uint8Array, label: PemLabel): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];

  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Unwraps the first PEM block, checking its label when `label` is given. Accepts the
 * `PKCS7` label for `CMS`, as OpenSSL writes it (RFC 7468, 9). Throws `bad_format`.
 */
export function pemToDer(pem: string, label?: PemLabel): Buffer<ArrayBuffer> {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\s]+)-----END \1-----/.exec(pem);
  const found = match?.[1];
  const accepted = label === 'CMS' ? ['CMS', 'PKCS7'] : label === undefined ? [] : [label];
  if (!match || found === undefined || (label !== undefined && !accepted.includes(found))) {
    throw new CryptoError('bad_format', `expected a PEM block${label ? ` labelled ${label}` : ''}`);
  }

  return Buffer.from((match[2] ?? '').replace(/\s+/g, ''), 'base64');
}

/** Takes DER bytes or PEM text and returns DER; PEM is recognised by its armour line. */
export function toDer(input: string | Uint8Array, label: PemLabel): Buffer<ArrayBuffer> {
  if (typeof input === 'string') {
    return pemToDer(input, label);
  }

  // A copy on a plain ArrayBuffer: WebCrypto-typed APIs refuse views of shared memory.
  return Buffer.from(input);
}
