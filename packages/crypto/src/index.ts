/**
 * @orgcard/crypto: everything that hashes, signs, encrypts or makes a secret. Pure functions,
 * no database and no network; see README.md for algorithms, key sizes and key rotation.
 */
export * from './errors';
export * from './passwords';
export * from './codes';
export * from './base32';
export * from './otp';
export * from './envelope';
export * from './envelope-stream';
export * from './pin';
export * from './pem';
export * from './pki';
export * from './cms';
export * from './cms-verify';
export * from './sign-with-pin';
export * from './card-number';
export * from './credential';
export * from './status-list';
export * from './status-list-credential';
export * from './payment-qr';
export * from './hash-chain';
export * from './identifiers';
