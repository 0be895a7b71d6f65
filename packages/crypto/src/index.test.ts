import { describe, expect, it } from 'vitest';

import * as crypto from './index';

describe('the package entry point', () => {
  it('exposes one function per documented operation', () => {
    const expected = [
      'hashPassword',
      'verifyPassword',
      'needsRehash',
      'checkPasswordPolicy',
      'generateCode',
      'hashCode',
      'verifyCode',
      'hotp',
      'totp',
      'verifyTotp',
      'generateTotpSecret',
      'otpauthUri',
      'base32Encode',
      'base32Decode',
      'createKeyring',
      'parseMasterKeys',
      'seal',
      'open',
      'rewrap',
      'sealStream',
      'openStream',
      'hashPin',
      'verifyPin',
      'validatePinFormat',
      'registerPinAttempt',
      'checkPin',
      'generateSigningKeyPair',
      'createRootCa',
      'issueSigningCertificate',
      'createCrl',
      'signDetached',
      'verifyDetached',
      'signatureToPem',
      'signWithPin',
      'generateCardNumber',
      'isValidCardNumber',
      'maskCardNumber',
      'generateCredentialKey',
      'signCredential',
      'verifyCredential',
      'publicJwks',
      'createStatusList',
      'setStatus',
      'getStatus',
      'encodeStatusList',
      'decodeStatusList',
      'buildPaymentQr',
      'parsePaymentQr',
      'canonicalJson',
      'chainHash',
      'verifyChain',
      'validateOrganisationInn',
      'validatePersonInn',
      'validateOgrn',
      'validateKpp',
      'validateBic',
      'validateSettlementAccount',
      'validateCorrespondentAccount',
    ];

    for (const name of expected) {
      expect(typeof (crypto as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('keeps the DER helpers and library engines internal', () => {
    expect(crypto).not.toHaveProperty('readElement');
    expect(crypto).not.toHaveProperty('useNodeWebCrypto');
  });
});
