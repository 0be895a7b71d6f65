import { randomBytes } from 'node:crypto';

import { bench, describe } from 'vitest';

import { createKeyring, open, seal } from '../envelope';

const keyring = createKeyring({ current: 'k1', keys: { k1: randomBytes(32) } });
const aad = 'documents:42:content';
const small = randomBytes(256);
const large = randomBytes(1024 * 1024);
const sealedSmall = seal(keyring, small, aad);
const sealedLarge = seal(keyring, large, aad);

describe('envelope encryption', () => {
  bench('seal 256 B', () => {
    seal(keyring, small, aad);
  });

  bench('open 256 B', () => {
    open(keyring, sealedSmall, aad);
  });

  bench('seal 1 MiB', () => {
    seal(keyring, large, aad);
  });

  bench('open 1 MiB', () => {
    open(keyring, sealedLarge, aad);
  });
});
