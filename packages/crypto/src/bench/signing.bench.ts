import { randomBytes } from 'node:crypto';

import { bench, describe } from 'vitest';

import { signDetached } from '../cms';
import { createKeyring, open, seal } from '../envelope';
import { hashPin, newPinAttemptState, verifyPin } from '../pin';
import { signWithPin } from '../sign-with-pin';
import { createPkiFixture } from '../test-support/pki-fixture';

const { holderKeys, holder } = await createPkiFixture();
const keyring = createKeyring({ current: 'k1', keys: { k1: randomBytes(32) } });
const pinKey = randomBytes(32);
const pinHash = hashPin(pinKey, '482913', 'card-7');
const aad = 'signing_keys:card-7:private_key';
const sealedPrivateKey = seal(keyring, holderKeys.privateKeyPkcs8, aad);
const paymentOrder = randomBytes(2048);

// The whole cloud-signature step should stay well under a millisecond per operation.
describe('sign with PIN', () => {
  bench('verify PIN + open sealed key + CMS sign (signWithPin)', () => {
    const result = signWithPin({
      pin: '482913',
      pinKey,
      pinHash,
      pinContext: 'card-7',
      attempts: newPinAttemptState(),
      keyring,
      sealedPrivateKey,
      privateKeyAad: aad,
      certificate: holder.certificateDer,
      data: paymentOrder,
    });
    if (!result.ok) throw new Error('the PIN should verify');
  });

  bench('PIN check alone (HMAC-SHA-256)', () => {
    verifyPin(pinKey, '482913', pinHash, 'card-7');
  });

  bench('CMS detached signature alone', () => {
    signDetached({
      data: paymentOrder,
      certificate: holder.certificateDer,
      privateKey: holderKeys.privateKeyPkcs8,
    });
  });

  bench('open the sealed signing key alone', () => {
    open(keyring, sealedPrivateKey, aad);
  });
});
