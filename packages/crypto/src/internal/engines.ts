// tsyringe, used inside @peculiar/x509, needs the Reflect metadata API before x509 loads.
import 'reflect-metadata';

import { webcrypto } from 'node:crypto';

import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

let ready = false;

/**
 * Points @peculiar/x509 and pkijs at Node's WebCrypto once per process. Both libraries keep a
 * global provider; setting it here, lazily, keeps every module of this package free of import
 * side effects and works the same under tsx, vite and vitest.
 */
export function useNodeWebCrypto(): void {
  if (ready) {
    return;
  }

  // Node's WebCrypto implements the DOM interfaces the libraries type against; only the
  // TypeScript declarations differ.
  type X509Crypto = Parameters<typeof x509.cryptoProvider.set>[0];
  x509.cryptoProvider.set(webcrypto as unknown as X509Crypto);
  pkijs.setEngine(
    'node-webcrypto',
    new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto }),
  );
  ready = true;
}

export { x509, pkijs };
