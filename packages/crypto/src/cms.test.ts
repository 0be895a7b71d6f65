import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { certificateMatchesKey, signDetached, signatureToPem } from './cms';
import { verifyDetached } from './cms-verify';
import { canonicalJson } from './hash-chain';
import { time } from './internal/der';
import { pkijs, useNodeWebCrypto } from './internal/engines';
import { derToPem, pemToDer } from './pem';
import { createCrl, createRootCa, generateSigningKeyPair, issueSigningCertificate } from './pki';
import { openssl, tempFolder } from './test-support/openssl';
import {
  AFTER_VALIDITY,
  BEFORE_VALIDITY,
  INSIDE_VALIDITY,
  VALIDITY,
  createPkiFixture,
} from './test-support/pki-fixture';

const { ca, holderKeys, holder } = await createPkiFixture();
const paymentOrder = Buffer.from(
  canonicalJson({
    number: 17,
    amount: 1_250_000n,
    payee: { inn: '7707083893', account: '40702810438000034726' },
  }),
);
const signature = signDetached({
  data: paymentOrder,
  certificate: holder.certificatePem,
  privateKey: holderKeys.privateKeyPkcs8,
  signingTime: INSIDE_VALIDITY,
});
let folder: Awaited<ReturnType<typeof tempFolder>>;

beforeAll(async () => {
  folder = await tempFolder({
    'root.pem': ca.certificatePem,
    'holder.pem': holder.certificatePem,
    'holder.key': derToPem(holderKeys.privateKeyPkcs8, 'PRIVATE KEY'),
    'order.json': paymentOrder,
    'order.p7s': signature,
  });
});

afterAll(async () => {
  await folder.remove();
});

function opensslVerify(content: string, signatureFile = 'order.p7s', form = 'DER') {
  return openssl(
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      form,
      '-in',
      signatureFile,
      '-content',
      content,
      '-CAfile',
      'root.pem',
      '-purpose',
      'any',
      '-attime',
      String(INSIDE_VALIDITY.getTime() / 1000),
      '-out',
      '/dev/null',
    ],
    folder.path,
  );
}

function flipByte(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt8(copy.readUInt8(index) ^ 0x01, index);

  return copy;
}

describe('signDetached, checked by OpenSSL', () => {
  it('writes a signature that openssl cms -verify accepts for the document', () => {
    const result = opensslVerify('order.json');

    expect(result.stderr).toContain('Verification successful');
    expect(result.status).toBe(0);
  });

  it('is refused by openssl cms -verify for a changed document', async () => {
    await folder.write(
      'changed.json',
      Buffer.from(paymentOrder.toString().replace('1250000', '1250001')),
    );
    const result = opensslVerify('changed.json');

    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/digest failure|Verification failure/);
  });

  it('is detached, carries the certificate and the CAdES signed attributes', () => {
    const printed = openssl(
      ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'order.p7s'],
      folder.path,
    ).stdout;

    expect(printed).toMatch(/eContent: <ABSENT>/);
    expect(printed).toContain('contentType');
    expect(printed).toContain('signingTime');
    expect(printed).toContain('messageDigest');
    expect(printed).toMatch(/id-smime-aa-signingCertificateV2|signingCertificateV2/);
    expect(printed).toContain('ecdsa-with-SHA256');
  });

  it('carries the signer certificate, which OpenSSL extracts unchanged', async () => {
    const result = openssl(
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'order.p7s',
        '-content',
        'order.json',
        '-noverify',
        '-signer',
        'signer.pem',
        '-out',
        '/dev/null',
      ],
      folder.path,
    );
    const extracted = await readFile(join(folder.path, 'signer.pem'), 'utf8');

    expect(result.status).toBe(0);
    expect(pemToDer(extracted, 'CERTIFICATE').equals(holder.certificateDer)).toBe(true);
  });

  it('reads as PEM as well', async () => {
    await folder.write('order.pem', signatureToPem(signature));

    expect(opensslVerify('order.json', 'order.pem', 'PEM').status).toBe(0);
  });

  it('verifies with pkijs as another independent implementation', async () => {
    useNodeWebCrypto();
    const contentInfo = pkijs.ContentInfo.fromBER(signature);
    const signed = new pkijs.SignedData({ schema: contentInfo.content });
    const result = await signed.verify({
      signer: 0,
      data: new Uint8Array(paymentOrder).buffer,
      extendedMode: true,
    });

    expect(result.signatureVerified).toBe(true);
  });
});

describe('verifyDetached', () => {
  it('reports a valid signature with the signer and the signing time', async () => {
    const check = await verifyDetached(paymentOrder, signature, ca.certificatePem);

    expect(check).toMatchObject({
      valid: true,
      signingTime: INSIDE_VALIDITY,
      signer: {
        commonName: 'Петрова Анна Сергеевна',
        organisation: 'ООО «Яндекс»',
        organisationInn: '7736207543',
        ogrn: '1027700229193',
        serialNumber: holder.serialNumber,
      },
    });
    expect(check.reason).toBeUndefined();
  });

  it('accepts a signature made by openssl cms -sign', async () => {
    const result = openssl(
      [
        'cms',
        '-sign',
        '-binary',
        '-md',
        'sha256',
        '-in',
        'order.json',
        '-signer',
        'holder.pem',
        '-inkey',
        'holder.key',
        '-outform',
        'DER',
        '-out',
        'openssl.p7s',
      ],
      folder.path,
    );
    const made = await readFile(join(folder.path, 'openssl.p7s'));
    const check = await verifyDetached(paymentOrder, made, ca.certificatePem, {
      now: INSIDE_VALIDITY,
    });

    expect(result.status).toBe(0);
    expect(check.reason).toBeUndefined();
    expect(check.signer?.commonName).toBe('Петрова Анна Сергеевна');
  });

  it('reports a changed document', async () => {
    const changed = Buffer.concat([paymentOrder, Buffer.from(' ')]);

    expect(await verifyDetached(changed, signature, ca.certificatePem)).toMatchObject({
      valid: false,
      reason: 'document_changed',
    });
  });

  it('reports a changed signature value', async () => {
    const tampered = flipByte(signature, signature.length - 1);

    expect((await verifyDetached(paymentOrder, tampered, ca.certificatePem)).reason).toBe(
      'bad_signature',
    );
  });

  it('reports a changed signing time, which the signature covers', async () => {
    const encoded = time(INSIDE_VALIDITY);
    const at = signature.indexOf(encoded);
    const tampered = flipByte(signature, at + encoded.length - 2);

    expect(at).toBeGreaterThan(0);
    expect((await verifyDetached(paymentOrder, tampered, ca.certificatePem)).reason).toBe(
      'bad_signature',
    );
  });

  it('reports a signature by another key under the same certificate', async () => {
    const other = generateSigningKeyPair();
    const forged = signDetached({
      data: paymentOrder,
      certificate: holder.certificateDer,
      privateKey: other.privateKeyPkcs8,
    });

    expect((await verifyDetached(paymentOrder, forged, ca.certificatePem)).reason).toBe(
      'bad_signature',
    );
  });

  it('reports a signer whose certificate comes from another CA as untrusted', async () => {
    const stranger = await createRootCa({
      commonName: 'Чужой CA',
      organisation: 'ООО «Чужой»',
      validityYears: 5,
      notBefore: VALIDITY.notBefore,
    });
    const keys = generateSigningKeyPair();
    const issued = await issueSigningCertificate(stranger, {
      publicKey: keys.publicKeySpki,
      holder: { fullName: 'Петрова Анна Сергеевна' },
      organisation: { name: 'ООО «Яндекс»', inn: '7736207543', ogrn: '1027700229193' },
      ...VALIDITY,
    });
    const foreign = signDetached({
      data: paymentOrder,
      certificate: issued.certificatePem,
      privateKey: keys.privateKeyPkcs8,
      signingTime: INSIDE_VALIDITY,
    });

    expect((await verifyDetached(paymentOrder, foreign, ca.certificatePem)).reason).toBe(
      'untrusted',
    );
  });

  it('checks the certificate validity at the signing time', async () => {
    const late = signDetached({
      data: paymentOrder,
      certificate: holder.certificatePem,
      privateKey: holderKeys.privateKeyPkcs8,
      signingTime: AFTER_VALIDITY,
    });
    const early = signDetached({
      data: paymentOrder,
      certificate: holder.certificatePem,
      privateKey: holderKeys.privateKeyPkcs8,
      signingTime: BEFORE_VALIDITY,
    });

    expect((await verifyDetached(paymentOrder, late, ca.certificatePem)).reason).toBe('expired');
    expect((await verifyDetached(paymentOrder, early, ca.certificatePem)).reason).toBe(
      'not_yet_valid',
    );
  });

  it('reports a signer revoked in the root CRL', async () => {
    const revokedAt = new Date('2025-07-01T00:00:00Z');
    const { crlPem } = await createCrl(ca, {
      revoked: [{ serialNumber: holder.serialNumber, revokedAt, reason: 'keyCompromise' }],
      thisUpdate: revokedAt,
      nextUpdate: new Date('2025-07-02T00:00:00Z'),
      crlNumber: 2,
    });
    const emptyCrl = await createCrl(ca, {
      revoked: [],
      thisUpdate: revokedAt,
      nextUpdate: new Date('2025-07-02T00:00:00Z'),
      crlNumber: 1,
    });

    expect(
      await verifyDetached(paymentOrder, signature, ca.certificatePem, { crl: crlPem }),
    ).toMatchObject({
      valid: false,
      reason: 'revoked',
      revokedAt,
    });
    expect(
      (await verifyDetached(paymentOrder, signature, ca.certificatePem, { crl: emptyCrl.crlDer }))
        .valid,
    ).toBe(true);
  });

  it('refuses a CRL that the root did not sign', async () => {
    const stranger = await createRootCa({
      commonName: 'Чужой CA',
      organisation: 'ООО «Чужой»',
      validityYears: 5,
    });
    const { crlPem } = await createCrl(stranger, {
      revoked: [],
      thisUpdate: new Date(),
      nextUpdate: new Date(Date.now() + 1000),
      crlNumber: 1,
    });

    await expect(
      verifyDetached(paymentOrder, signature, ca.certificatePem, { crl: crlPem }),
    ).rejects.toMatchObject({ code: 'untrusted' });
  });

  it('refuses a trusted root that is not a certificate', async () => {
    await expect(
      verifyDetached(paymentOrder, signature, Buffer.from('junk')),
    ).rejects.toMatchObject({
      code: 'bad_format',
    });
  });

  it('reports bytes that are not a CMS signature, and a signature without its certificate', async () => {
    expect(
      (await verifyDetached(paymentOrder, Buffer.from('not a signature'), ca.certificatePem))
        .reason,
    ).toBe('bad_format');
    expect(
      (await verifyDetached(paymentOrder, signature.subarray(0, 200), ca.certificatePem)).reason,
    ).toBe('bad_format');

    const stripped = stripCertificates(signature);
    expect((await verifyDetached(paymentOrder, stripped, ca.certificatePem)).reason).toBe(
      'unknown_signer',
    );
  });
});

describe('private keys', () => {
  it('signs with a PKCS #8 key that lacks its public point (the slower import path)', async () => {
    const converted = openssl(
      ['ec', '-in', 'holder.key', '-no_public', '-out', 'nopub-sec1.pem'],
      folder.path,
    );
    const pkcs8 = openssl(
      ['pkcs8', '-topk8', '-nocrypt', '-in', 'nopub-sec1.pem', '-outform', 'PEM'],
      folder.path,
    );
    const keyDer = pemToDer(pkcs8.stdout, 'PRIVATE KEY');
    const made = signDetached({
      data: paymentOrder,
      certificate: holder.certificatePem,
      privateKey: keyDer,
      signingTime: INSIDE_VALIDITY,
    });
    await folder.write('nopub.p7s', made);

    expect(converted.status).toBe(0);
    expect(keyDer.length).toBeLessThan(holderKeys.privateKeyPkcs8.length);
    expect(opensslVerify('order.json', 'nopub.p7s').status).toBe(0);
  });

  it('tells whether a certificate and a key belong together', () => {
    expect(certificateMatchesKey(holder.certificatePem, holderKeys.privateKeyPkcs8)).toBe(true);
    expect(
      certificateMatchesKey(holder.certificatePem, generateSigningKeyPair().privateKeyPkcs8),
    ).toBe(false);
  });

  it('refuses a key that is not a private key', () => {
    expect(() =>
      signDetached({
        data: paymentOrder,
        certificate: holder.certificatePem,
        privateKey: Buffer.from('junk'),
      }),
    ).toThrow(expect.objectContaining({ code: 'bad_key' }) as Error);
  });
});

/** The same SignedData with its certificates field removed, re-encoded by pkijs. */
function stripCertificates(der: Buffer): Buffer {
  useNodeWebCrypto();
  const contentInfo = pkijs.ContentInfo.fromBER(der);
  const signed = new pkijs.SignedData({ schema: contentInfo.content });
  delete signed.certificates;
  const rebuilt = new pkijs.ContentInfo({
    contentType: contentInfo.contentType,
    content: signed.toSchema(true),
  });

  return Buffer.from(rebuilt.toSchema().toBER());
}
