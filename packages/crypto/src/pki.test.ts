import { X509Certificate } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isCryptoError } from './errors';
import {
  createCrl,
  generateSigningKeyPair,
  issueSigningCertificate,
  readCertificateHolder,
} from './pki';
import { catchRejection } from './test-support/catch-error';
import { openssl, tempFolder } from './test-support/openssl';
import { INSIDE_VALIDITY, VALIDITY, createPkiFixture } from './test-support/pki-fixture';

const { ca, holderKeys, holder } = await createPkiFixture();
let folder: Awaited<ReturnType<typeof tempFolder>>;

beforeAll(async () => {
  folder = await tempFolder({ 'root.pem': ca.certificatePem, 'holder.pem': holder.certificatePem });
});

afterAll(async () => {
  await folder.remove();
});

describe('createRootCa', () => {
  it('makes a self-signed CA certificate that OpenSSL accepts as its own trust anchor', () => {
    const result = openssl(['verify', '-CAfile', 'root.pem', 'root.pem'], folder.path);

    expect(result.stdout.trim()).toBe('root.pem: OK');
  });

  it('marks it as a CA limited to signing certificates and CRLs', () => {
    const text = openssl(['x509', '-in', 'root.pem', '-noout', '-text'], folder.path).stdout;

    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text).toContain('ecdsa-with-SHA256');
  });
});

describe('issueSigningCertificate', () => {
  it('issues a certificate that OpenSSL verifies against the root', () => {
    const result = openssl(
      [
        'verify',
        '-CAfile',
        'root.pem',
        '-attime',
        String(INSIDE_VALIDITY.getTime() / 1000),
        'holder.pem',
      ],
      folder.path,
    );

    expect(result.stdout.trim()).toBe('holder.pem: OK');
  });

  it('names the person and the organisation with INN and OGRN as NumericString', () => {
    const asn1 = openssl(['asn1parse', '-in', 'holder.pem'], folder.path).stdout;

    // OpenSSL knows these OIDs by the short names OGRN, INNLE and INN.
    expect(asn1).toMatch(/OBJECT\s+:(OGRN|1\.2\.643\.100\.1)\s*\n.*NUMERICSTRING\s+:1027700229193/);
    expect(asn1).toMatch(/OBJECT\s+:(INNLE|1\.2\.643\.100\.4)\s*\n.*NUMERICSTRING\s+:7736207543/);
    expect(asn1).toMatch(
      /OBJECT\s+:(INN|1\.2\.643\.3\.131\.1\.1)\s*\n.*NUMERICSTRING\s+:500100732259/,
    );
    expect(asn1).toMatch(/OBJECT\s+:commonName\s*\n.*UTF8STRING\s+:Петрова Анна Сергеевна/);
  });

  it('is for signatures only, for the validity asked, with a random serial', () => {
    const certificate = new X509Certificate(holder.certificatePem);
    const text = openssl(['x509', '-in', 'holder.pem', '-noout', '-text'], folder.path).stdout;

    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text).toContain('CA:FALSE');
    expect(new Date(certificate.validFrom)).toEqual(VALIDITY.notBefore);
    expect(new Date(certificate.validTo)).toEqual(VALIDITY.notAfter);
    expect(certificate.serialNumber.toLowerCase()).toBe(holder.serialNumber);
    expect(holder.serialNumber).toMatch(/^[0-7][0-9a-f]{31}$/);
    expect(certificate.checkIssued(new X509Certificate(ca.certificatePem))).toBe(true);
  });

  it('reads back the holder and organisation', () => {
    expect(readCertificateHolder(holder.certificateDer)).toEqual({
      commonName: 'Петрова Анна Сергеевна',
      organisation: 'ООО «Яндекс»',
      title: 'Главный бухгалтер',
      organisationInn: '7736207543',
      holderInn: '500100732259',
      ogrn: '1027700229193',
      serialNumber: holder.serialNumber,
      issuerCommonName: 'Оргкарта Root CA (test)',
      ...VALIDITY,
    });
  });

  it('writes the organisation INN with "00" in the INN attribute when the person INN is unknown', async () => {
    const keys = generateSigningKeyPair();
    const issued = await issueSigningCertificate(ca, {
      publicKey: keys.publicKeySpki,
      holder: { fullName: 'Иванов Иван Иванович' },
      organisation: { name: 'ПАО Сбербанк', inn: '7707083893', ogrn: '1027700132195' },
      ...VALIDITY,
    });

    expect(readCertificateHolder(issued.certificatePem)).toMatchObject({
      organisationInn: '7707083893',
      holderInn: undefined,
    });
  });

  it('refuses a wrong OGRN, a validity beyond the CA and a non-P-256 key', async () => {
    const base = {
      publicKey: holderKeys.publicKeySpki,
      holder: { fullName: 'Иванов Иван Иванович' },
      organisation: { name: 'ПАО Сбербанк', inn: '7707083893', ogrn: '1027700132195' },
      ...VALIDITY,
    };
    const badOgrn = await catchRejection(
      issueSigningCertificate(ca, {
        ...base,
        organisation: { ...base.organisation, ogrn: '1027700132196' },
      }),
    );
    const tooLong = await catchRejection(
      issueSigningCertificate(ca, { ...base, notAfter: new Date('2040-01-01T00:00:00Z') }),
    );
    const rsa = (await import('node:crypto'))
      .generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'der' });
    const wrongKey = await catchRejection(issueSigningCertificate(ca, { ...base, publicKey: rsa }));

    expect(isCryptoError(badOgrn, 'bad_format') && badOgrn.field).toBe('organisation.ogrn');
    expect(isCryptoError(tooLong, 'bad_format') && tooLong.field).toBe('notAfter');
    expect(isCryptoError(wrongKey, 'bad_key')).toBe(true);
  });
});

describe('createCrl', () => {
  it('lists revoked serials in a CRL that OpenSSL parses and verifies with the root', async () => {
    const revokedAt = new Date('2025-03-01T12:00:00Z');
    const { crlPem } = await createCrl(ca, {
      revoked: [
        { serialNumber: holder.serialNumber, revokedAt, reason: 'keyCompromise' },
        { serialNumber: '0a1b2c', revokedAt, reason: 'cessationOfOperation' },
      ],
      thisUpdate: new Date('2025-03-01T12:05:00Z'),
      nextUpdate: new Date('2025-03-02T12:05:00Z'),
      crlNumber: 7,
    });
    await folder.write('ca.crl', crlPem);

    const check = openssl(['crl', '-in', 'ca.crl', '-CAfile', 'root.pem', '-noout'], folder.path);
    const text = openssl(['crl', '-in', 'ca.crl', '-noout', '-text'], folder.path).stdout;

    expect(check.stderr).toContain('verify OK');
    expect(text).toContain(`Serial Number: ${holder.serialNumber.toUpperCase()}`);
    expect(text).toContain('Serial Number: 0A1B2C');
    expect(text).toContain('Key Compromise');
    expect(text).toContain('Cessation Of Operation');
    expect(text).toMatch(/X509v3 CRL Number:\s+7/);
    expect(text).toContain('X509v3 Authority Key Identifier');
  });

  it('refuses a nextUpdate before thisUpdate', async () => {
    const error = await catchRejection(
      createCrl(ca, {
        revoked: [],
        thisUpdate: new Date('2025-03-02'),
        nextUpdate: new Date('2025-03-01'),
        crlNumber: 1,
      }),
    );

    expect(isCryptoError(error, 'bad_format')).toBe(true);
  });
});
