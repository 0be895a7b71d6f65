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
  // TypeScript declarations differ, and differently again when a consumer compiles with the DOM
  // library (the web app), so the object is passed untyped.
  const nodeCrypto = webcrypto as never;
  x509.cryptoProvider.set(nodeCrypto);
  pkijs.setEngine(
    'node-webcrypto',
    new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: nodeCrypto }),
  );
  ready = true;
}

export { x509, pkijs };
