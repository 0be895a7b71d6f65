import { createRootCa, generateSigningKeyPair, issueSigningCertificate } from '../pki';
import type { CertificateAuthority, IssuedCertificate, SigningKeyPair } from '../pki';

/** A root CA and one holder with a key and a certificate valid around today. */
export interface PkiFixture {
  ca: CertificateAuthority;
  holderKeys: SigningKeyPair;
  holder: IssuedCertificate;
}

const DAY = 24 * 60 * 60 * 1000;
const today = new Date(Math.floor(Date.now() / DAY) * DAY);

/**
 * Validity around today, in whole seconds as certificates store it, so that OpenSSL, which
 * signs with the current time, stays inside it whenever the tests run.
 */
export const VALIDITY = {
  notBefore: new Date(today.getTime() - 30 * DAY),
  notAfter: new Date(today.getTime() + 730 * DAY),
};

/** A moment inside {@link VALIDITY}, used as signing time. */
export const INSIDE_VALIDITY = new Date(VALIDITY.notBefore.getTime() + 10 * DAY + 36_000_000);

/** Moments just outside {@link VALIDITY}. */
export const AFTER_VALIDITY = new Date(VALIDITY.notAfter.getTime() + DAY);
export const BEFORE_VALIDITY = new Date(VALIDITY.notBefore.getTime() - DAY);

export async function createPkiFixture(): Promise<PkiFixture> {
  const ca = await createRootCa({
    commonName: 'Оргкарта Root CA (test)',
    organisation: 'ООО «Оргкарта»',
    validityYears: 10,
    notBefore: new Date(VALIDITY.notBefore.getTime() - 365 * DAY),
  });
  const holderKeys = generateSigningKeyPair();
  const holder = await issueSigningCertificate(ca, {
    publicKey: holderKeys.publicKeySpki,
    holder: { fullName: 'Петрова Анна Сергеевна', inn: '500100732259', title: 'Главный бухгалтер' },
    organisation: { name: 'ООО «Яндекс»', inn: '7736207543', ogrn: '1027700229193' },
    ...VALIDITY,
  });

  return { ca, holderKeys, holder };
}
