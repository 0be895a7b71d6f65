import { describe, expect, it } from 'vitest';

import {
  validateBic,
  validateCorrespondentAccount,
  validateInn,
  validateKpp,
  validateOgrn,
  validateOgrnip,
  validateOrganisationInn,
  validatePersonInn,
  validateSettlementAccount,
} from './identifiers';

// Published details: Sberbank (PJSC), Yandex LLC, Tinkoff Bank (JSC).
const SBERBANK = {
  inn: '7707083893',
  ogrn: '1027700132195',
  kpp: '773601001',
  bic: '044525225',
  correspondentAccount: '30101810400000000225',
};
const YANDEX = { inn: '7736207543', ogrn: '1027700229193', account: '40702810438000034726' };
const TINKOFF = {
  inn: '7710140679',
  ogrn: '1027739642281',
  bic: '044525974',
  correspondentAccount: '30101810145250000974',
};

/** Every variant of `value` with one digit replaced by another digit. */
function oneDigitCorruptions(value: string): string[] {
  const variants: string[] = [];
  for (let index = 0; index < value.length; index += 1) {
    for (let digit = 0; digit <= 9; digit += 1) {
      if (String(digit) !== value[index]) {
        variants.push(value.slice(0, index) + String(digit) + value.slice(index + 1));
      }
    }
  }

  return variants;
}

/** Share of variants a validator refuses with `checksum`. */
function detectedShare(variants: string[], validate: (value: string) => { ok: boolean }): number {
  return variants.filter((variant) => !validate(variant).ok).length / variants.length;
}

describe('validateOrganisationInn', () => {
  it.each([SBERBANK.inn, YANDEX.inn, TINKOFF.inn])('accepts the published INN %s', (inn) => {
    expect(validateOrganisationInn(inn)).toEqual({ ok: true });
    expect(validateInn(inn)).toEqual({ ok: true });
  });

  it('refuses every change of the control digit', () => {
    for (let digit = 0; digit <= 9; digit += 1) {
      const changed = SBERBANK.inn.slice(0, 9) + String(digit);
      if (changed !== SBERBANK.inn) {
        expect(validateOrganisationInn(changed)).toEqual({ ok: false, reason: 'checksum' });
      }
    }
  });

  it('catches most single-digit typos elsewhere', () => {
    expect(detectedShare(oneDigitCorruptions(YANDEX.inn), validateOrganisationInn)).toBeGreaterThan(
      0.85,
    );
  });

  it('reports length and non-digits separately', () => {
    expect(validateOrganisationInn('770708389')).toEqual({ ok: false, reason: 'length' });
    expect(validateOrganisationInn('77070838 3')).toEqual({ ok: false, reason: 'digits' });
    expect(validateOrganisationInn('７７０７０８３８９３')).toEqual({
      ok: false,
      reason: 'digits',
    });
  });
});

describe('validatePersonInn', () => {
  it('accepts a valid 12-digit INN and refuses a change to either control digit', () => {
    expect(validatePersonInn('500100732259')).toEqual({ ok: true });
    expect(validateInn('500100732259')).toEqual({ ok: true });
    expect(validatePersonInn('500100732269')).toEqual({ ok: false, reason: 'checksum' });
    expect(validatePersonInn('500100732258')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses an organisation INN given as a person INN', () => {
    expect(validatePersonInn(SBERBANK.inn)).toEqual({ ok: false, reason: 'length' });
    expect(validateInn('77070838931')).toEqual({ ok: false, reason: 'length' });
  });
});

describe('validateOgrn and validateOgrnip', () => {
  it.each([SBERBANK.ogrn, YANDEX.ogrn, TINKOFF.ogrn])('accepts the published OGRN %s', (ogrn) => {
    expect(validateOgrn(ogrn)).toEqual({ ok: true });
  });

  it('refuses one-digit corruptions of the Sberbank OGRN it can detect', () => {
    expect(validateOgrn('1027700132196')).toEqual({ ok: false, reason: 'checksum' });
    expect(validateOgrn('1027700132295')).toEqual({ ok: false, reason: 'checksum' });
    expect(detectedShare(oneDigitCorruptions(SBERBANK.ogrn), validateOgrn)).toBeGreaterThan(0.85);
  });

  it('checks the 15-digit OGRNIP with modulus 13', () => {
    expect(validateOgrnip('304500116000157')).toEqual({ ok: true });
    expect(validateOgrnip('304500116000158')).toEqual({ ok: false, reason: 'checksum' });
    expect(validateOgrnip(SBERBANK.ogrn)).toEqual({ ok: false, reason: 'length' });
  });
});

describe('validateKpp', () => {
  it('accepts the published Sberbank KPP and a reason code in Latin capitals', () => {
    expect(validateKpp(SBERBANK.kpp)).toEqual({ ok: true });
    expect(validateKpp('7736AB001')).toEqual({ ok: true });
  });

  it('refuses lower case, Cyrillic letters and letters outside the reason code', () => {
    expect(validateKpp('7736ab001')).toEqual({ ok: false, reason: 'format' });
    expect(validateKpp('7736АВ001')).toEqual({ ok: false, reason: 'format' });
    expect(validateKpp('77A601001')).toEqual({ ok: false, reason: 'format' });
    expect(validateKpp('77360100')).toEqual({ ok: false, reason: 'length' });
  });
});

describe('bank accounts', () => {
  it('accepts published BICs', () => {
    expect(validateBic(SBERBANK.bic)).toEqual({ ok: true });
    expect(validateBic('04452522')).toEqual({ ok: false, reason: 'length' });
    expect(validateBic('04452522X')).toEqual({ ok: false, reason: 'digits' });
  });

  it.each([
    [SBERBANK.correspondentAccount, SBERBANK.bic],
    [TINKOFF.correspondentAccount, TINKOFF.bic],
  ])('accepts the correspondent account %s with BIC %s', (account, bic) => {
    expect(validateCorrespondentAccount(account, bic)).toEqual({ ok: true });
  });

  it('accepts the published Yandex settlement account at Sberbank', () => {
    expect(validateSettlementAccount(YANDEX.account, SBERBANK.bic)).toEqual({ ok: true });
  });

  it('refuses every single-digit corruption of an account, the key has no blind spot', () => {
    for (const variant of oneDigitCorruptions(YANDEX.account)) {
      expect(validateSettlementAccount(variant, SBERBANK.bic)).toEqual({
        ok: false,
        reason: 'checksum',
      });
    }
  });

  it('refuses an account paired with another bank', () => {
    expect(validateSettlementAccount(YANDEX.account, TINKOFF.bic)).toEqual({
      ok: false,
      reason: 'checksum',
    });
    // 044030653 is a BIC of Saint Petersburg: its 5th-6th digits differ from Moscow's "25".
    expect(validateCorrespondentAccount(SBERBANK.correspondentAccount, '044030653')).toEqual({
      ok: false,
      reason: 'checksum',
    });
  });

  it('does not mix settlement and correspondent keys', () => {
    expect(validateSettlementAccount(SBERBANK.correspondentAccount, SBERBANK.bic).ok).toBe(false);
  });

  it('reports an invalid BIC instead of a checksum failure', () => {
    expect(validateSettlementAccount(YANDEX.account, '04452522')).toEqual({
      ok: false,
      reason: 'bic',
    });
    expect(validateSettlementAccount('4070281043800003472', SBERBANK.bic)).toEqual({
      ok: false,
      reason: 'length',
    });
  });
});
