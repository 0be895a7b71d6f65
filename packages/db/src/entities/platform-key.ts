import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * The platform's own keys, created once and kept sealed: the certificate authority's root
 * and the credential signing keys (published as a JWKS by `kid`; rotated by adding one).
 */
export const PlatformKey = defineEntity({
  name: 'PlatformKey',
  tableName: 'platform_key',
  properties: (p) => ({
    id: p.string().length(100).primary(),
    purpose: p.enum(['root_ca', 'credential']),
    /** The certificate (root CA) or public JWK (credential), public by nature. */
    publicPart: p.text(),
    privateKeySealed: p.blob().hidden(),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type PlatformKey = InferEntity<typeof PlatformKey>;
