import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { isCryptoError } from './errors';
import { derToPem, pemToDer } from './pem';
import { catchError } from './test-support/catch-error';

describe('PEM', () => {
  it('wraps base64 at 64 characters between labelled lines (RFC 7468, 2)', () => {
    const der = randomBytes(100);
    const pem = derToPem(der, 'CERTIFICATE');
    const lines = pem.trim().split('\n');

    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
    expect(lines[1]).toHaveLength(64);
    expect(pemToDer(pem, 'CERTIFICATE')).toEqual(der);
  });

  it('accepts the PKCS7 label for CMS, as OpenSSL writes it', () => {
    const der = randomBytes(20);
    const openSslStyle = derToPem(der, 'CMS').replace(/CMS/g, 'PKCS7');

    expect(pemToDer(openSslStyle, 'CMS')).toEqual(der);
  });

  it('refuses another label and text without armour', () => {
    expect(
      isCryptoError(
        catchError(() => pemToDer(derToPem(randomBytes(8), 'X509 CRL'), 'CERTIFICATE')),
        'bad_format',
      ),
    ).toBe(true);
    expect(
      isCryptoError(
        catchError(() => pemToDer('MIIB', 'CERTIFICATE')),
        'bad_format',
      ),
    ).toBe(true);
  });
});
